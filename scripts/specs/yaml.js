// @ts-check
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { compareVersions } = require('../generate/load-specs');

/**
 * 3CX's published specs, one YAML per update. Only the reducer (npm run specs) and the Prism
 * contract suites read them; the generator reads the committed model. XAPI_SPEC_DIR points
 * elsewhere, e.g. at a missing directory to see what the tests do without the specs.
 */
const SPEC_DIR = process.env.XAPI_SPEC_DIR ? path.resolve(process.env.XAPI_SPEC_DIR) : path.resolve(__dirname, '../../../shared/xapi-spec');

/**
 * Every 3CX update's spec, oldest first, as js-yaml reads it.
 * @returns {Array<{ version: string; doc: any }>}
 */
function loadYamlSpecs(specDir = SPEC_DIR) {
	return fs
		.readdirSync(specDir)
		.filter((file) => /^\d+\.\d+\.\d+\.yaml$/.test(file))
		.map((file) => file.replace(/\.yaml$/, ''))
		.sort(compareVersions)
		.map((version) => ({
			version,
			doc: yaml.load(fs.readFileSync(path.join(specDir, `${version}.yaml`), 'utf8')),
		}));
}

module.exports = { SPEC_DIR, loadYamlSpecs };
