#!/usr/bin/env node
'use strict';
// n8n's verification scan, offline: the rule set of @n8n/scan-community-package
// (its own buildScanConfig, eslint and file patterns) applied to this project's
// sources and to the tarball `npm pack` makes of the build. The scanner's CLI
// only reads packages from the public registry, so it cannot check a package
// before it is published; this runs the same two legs on what we would publish.
//
//   node scripts/verify/scan.js    (after `npm run build`; exits 1 on any error)
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { createRequire } = Module;
const { pathToFileURL } = require('url');
const { execFileSync } = require('child_process');

const projectRoot = path.resolve(__dirname, '..', '..');
const scannerFile = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// The scanner lints with its own eslint (9.x), not the project's.
const scannerRequire = createRequire(scannerFile);
const scannerDir = path.dirname(path.dirname(scannerFile));

/**
 * The scanner pins typescript 7.0.2, the native compiler, which has no JavaScript API; the
 * TypeScript parser of its own rule set needs one (it fails on `ts.TypeFlags`). So the parser gets
 * the project's TypeScript. package.json `overrides` would do the same, but the scan forbids them.
 */
function lendProjectTypeScript() {
	const projectTypeScript = path.dirname(require.resolve('typescript/package.json'));
	const resolve = Module._resolveFilename;
	Module._resolveFilename = function (request, parent, ...rest) {
		const fromScanner = parent?.filename?.startsWith(scannerDir + path.sep);
		if (fromScanner && (request === 'typescript' || request.startsWith('typescript/'))) {
			return resolve.call(this, request.replace(/^typescript/, projectTypeScript), parent, ...rest);
		}
		return resolve.call(this, request, parent, ...rest);
	};
}

// The scanner's tarball leg: compiled JavaScript and the published package.json.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** The tarball leg scans the build: without one it would pass on package.json alone. */
function assertBuilt() {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
	const missing = [...n8n.nodes, ...n8n.credentials].filter((file) => !fs.existsSync(path.join(projectRoot, file)));
	if (missing.length > 0) throw new Error(`not built (missing ${missing.join(', ')}): run \`npm run build\` first`);
}

function packTarball(into) {
	const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', `--pack-destination=${into}`], {
		cwd: projectRoot,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(output);
	const packageDir = path.join(into, 'package');
	execFileSync('tar', ['-xzf', path.join(into, filename), '-C', into]);
	return packageDir;
}

async function lint(scanner, ESLint, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const glob = scannerRequire('fast-glob');
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	if (files.length === 0) throw new Error(`no files to scan in ${dir}`);
	const results = await eslint.lintFiles(files);
	const errors = results.flatMap((result) =>
		result.messages
			.filter((message) => message.severity === 2)
			.map((message) => ({
				file: path.relative(dir, result.filePath),
				line: message.line,
				rule: message.ruleId ?? 'parse-error',
				text: message.message,
			})),
	);
	return { files: files.length, errors };
}

function report(leg, { files, errors }) {
	console.log(`[scan] ${leg}: ${files} files, ${errors.length} error${errors.length === 1 ? '' : 's'}`);
	for (const error of errors) console.log(`  ${error.file}:${error.line}  ${error.rule}  ${error.text}`);
}

async function main() {
	lendProjectTypeScript();
	const scanner = await import(pathToFileURL(scannerFile).href);
	const { ESLint } = await import(pathToFileURL(scannerRequire.resolve('eslint')).href);
	const version = JSON.parse(fs.readFileSync(scannerRequire.resolve('../package.json'), 'utf8')).version;
	console.log(`[scan] rules of @n8n/scan-community-package@${version}`);

	const sources = await lint(scanner, ESLint, projectRoot, scanner.SOURCE_FILE_PATTERNS);
	report('sources', sources);

	assertBuilt();
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	let tarball;
	try {
		tarball = await lint(scanner, ESLint, packTarball(packDir), TARBALL_FILE_PATTERNS);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	report('tarball', tarball);

	if (sources.errors.length + tarball.errors.length > 0) process.exit(1);
}

main().catch((error) => {
	console.error(`[scan] FAILED: ${error.stack || error.message}`);
	process.exit(1);
});
