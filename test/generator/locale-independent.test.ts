// The generator's output must not depend on the machine's language: with String#localeCompare
// (no locale given), Parkings.ts came out differently under da_DK and ConferenceSettings.ts under
// et_EE. Node takes its default collation from LC_ALL/LANG even where the OS has no such locale.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const GENERATOR = path.resolve(__dirname, '../../scripts/generate/index.js');

/** Runs the generator in a child process with `locale` and lists the files whose bytes differ from the committed ones. */
function filesDifferingUnder(locale: string): { collation: string; differing: string[] } {
	const script = `
		const fs = require('fs');
		const path = require('path');
		const { generate, OUT_DIR } = require(${JSON.stringify(GENERATOR)});
		const differing = generate().files
			.filter((file) => !fs.existsSync(path.join(OUT_DIR, file.name)) || !fs.readFileSync(path.join(OUT_DIR, file.name)).equals(Buffer.from(file.text)))
			.map((file) => file.name);
		process.stdout.write(JSON.stringify({ collation: new Intl.Collator().resolvedOptions().locale, differing }));
	`;
	const env = { ...process.env, LC_ALL: locale, LANG: locale };
	return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8', timeout: 120_000 }));
}

describe('the generator under other locales', () => {
	test.each([
		['C.UTF-8', 'en-US'],
		['da_DK.UTF-8', 'da-DK'],
		['et_EE.UTF-8', 'et-EE'],
	])('under LC_ALL=%s writes exactly the committed files', (locale, collation) => {
		const result = filesDifferingUnder(locale);
		// The locale did reach the child: otherwise this test could not fail.
		expect(result.collation).toBe(collation);
		expect(result.differing).toEqual([]);
	}, 120_000);
});
