import * as fs from 'fs';

// The generator reads the committed spec/xapi-model.json; only the Prism suites and the model's
// freshness test need 3CX's YAML specs themselves, which live outside the project.
const { SPEC_DIR } = require('../../scripts/specs/yaml.js') as { SPEC_DIR: string };

/** ../shared/xapi-spec, or $XAPI_SPEC_DIR. */
export const XAPI_SPEC_DIR = SPEC_DIR;

/**
 * Whether `suite` can run. Without the specs it is skipped, and says so once; CI sets
 * XAPI_SPECS_REQUIRED=1, where a skip would hide that the suite never ran, so there it fails.
 */
export function xapiSpecsPresent(suite: string): boolean {
	if (fs.existsSync(XAPI_SPEC_DIR)) return true;
	if (process.env.XAPI_SPECS_REQUIRED === '1') {
		throw new Error(`${suite} needs 3CX's specs, and ${XAPI_SPEC_DIR} is absent (XAPI_SPECS_REQUIRED=1)`);
	}
	// Not console.warn: Jest drops the console output of a suite whose tests were all skipped.
	process.stderr.write(`Skipping ${suite}: ${XAPI_SPEC_DIR} is absent (set XAPI_SPECS_REQUIRED=1 to fail instead)\n`);
	return false;
}
