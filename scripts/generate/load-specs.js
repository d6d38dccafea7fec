// @ts-check
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const SPEC_DIR = path.resolve(__dirname, '../../../shared/xapi-spec');

/**
 * "20.0.10" sorts after "20.0.9": compare numerically, part by part.
 * @param {string} a
 * @param {string} b
 */
function compareVersions(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/**
 * Every 3CX update's spec, oldest first.
 * @returns {import('./model').Spec[]}
 */
function loadSpecs(specDir = SPEC_DIR) {
	return fs
		.readdirSync(specDir)
		.filter((file) => /^\d+\.\d+\.\d+\.yaml$/.test(file))
		.map((file) => file.replace(/\.yaml$/, ''))
		.sort(compareVersions)
		.map((version) => ({
			version,
			doc: /** @type {import('./model').SpecDoc} */ (yaml.load(fs.readFileSync(path.join(specDir, `${version}.yaml`), 'utf8'))),
		}));
}

module.exports = { SPEC_DIR, loadSpecs, compareVersions };
