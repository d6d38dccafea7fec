import * as fs from 'fs';
import { XAPI_SPEC_DIR, xapiSpecsPresent } from '../helpers/xapiSpecs';

// The reducer and the loaders are plain JavaScript, run by `npm run specs` and `npm run generate`.
type Spec = { version: string; doc: unknown };
const { modelText, addedText, reduceDoc } = require('../../scripts/specs/reduce.js') as {
	modelText(specs: Spec[]): string;
	addedText(text: string | undefined, version: string, doc: unknown): string;
	reduceDoc(doc: unknown): unknown;
};
const { loadYamlSpecs } = require('../../scripts/specs/yaml.js') as { loadYamlSpecs(dir: string): Spec[] };
const { MODEL_FILE, loadSpecs } = require('../../scripts/generate/load-specs.js') as { MODEL_FILE: string; loadSpecs(): Spec[] };

/** Where two texts first differ, as a line of each; a whole megabyte's diff would say less. */
function firstDifference(committed: string, fresh: string): string | undefined {
	const a = committed.split('\n');
	const b = fresh.split('\n');
	const i = a.findIndex((line, n) => line !== b[n]);
	if (i < 0 && a.length === b.length) return undefined;
	const at = i < 0 ? Math.min(a.length, b.length) : i;
	return `line ${at + 1}: committed ${JSON.stringify(a[at])}, fresh ${JSON.stringify(b[at])} (run npm run specs)`;
}

const specsPresent = xapiSpecsPresent('the spec model freshness test');

(specsPresent ? describe : describe.skip)(`spec/xapi-model.json against ${XAPI_SPEC_DIR}`, () => {
	const yamlSpecs = specsPresent ? loadYamlSpecs(XAPI_SPEC_DIR) : [];
	const committed = fs.readFileSync(MODEL_FILE, 'utf8');

	test('is exactly what npm run specs writes from the specs', () => {
		expect(firstDifference(committed, modelText(yamlSpecs))).toBeUndefined();
	});

	test('gives the generator each update’s spec as reduced from its YAML', () => {
		const rebuilt = loadSpecs();
		expect(rebuilt.map((s) => s.version)).toEqual(yamlSpecs.map((s) => s.version));
		rebuilt.forEach((spec, i) => expect(spec.doc).toEqual(reduceDoc(yamlSpecs[i].doc)));
	});

	test('--add of a PBX’s swagger for an update it lacks writes what reducing all of them does', () => {
		const newest = yamlSpecs[yamlSpecs.length - 1];
		const withoutNewest = modelText(yamlSpecs.slice(0, -1));
		expect(firstDifference(committed, addedText(withoutNewest, newest.version, newest.doc))).toBeUndefined();
	});
});
