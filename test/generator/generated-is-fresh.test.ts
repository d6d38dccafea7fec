import * as fs from 'fs';
import * as path from 'path';
import { generate, OUT_DIR } from '../../scripts/generate/index.js';

// Its input is the committed spec/xapi-model.json, so this runs wherever the project is.
describe('generated descriptions', () => {
	const result = generate();

	test('cover every operation of 3CX 20.0.4–20.0.10', () => {
		expect(result.operations).toBe(627);
		expect(result.resources).toBe(133);
	});

	test('are exactly what a fresh run of the generator writes', () => {
		const stale = result.files.filter((file) => {
			const committed = path.join(OUT_DIR, file.name);
			return !fs.existsSync(committed) || fs.readFileSync(committed, 'utf8') !== file.text;
		});
		expect(stale.map((f) => f.name)).toEqual([]);
		const extra = fs.readdirSync(path.join(OUT_DIR, 'resources')).filter((f) => !result.files.some((g) => g.name === `resources/${f}`));
		expect(extra).toEqual([]);
	});

	test('are deterministic', () => {
		expect(generate().files).toEqual(result.files);
	});
});
