'use strict';
// Puts a package folder (this project, once built) into an n8n user folder
// the way n8n's community-package installer lays it out, without a
// registry: `npm pack`, unpack into <userFolder>/.n8n/nodes/node_modules/<name>,
// drop dev/peer/optional dependencies, install the rest. n8n's startup scan
// then loads it like an installed community package, so node types are named
// `<package name>.<node>` (N8N_CUSTOM_EXTENSIONS would name them `CUSTOM.<node>`).
// There is no database record, so Settings → Community nodes does not list it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { node24Env } = require('./runtime');
const { run, withoutNpmScriptVars } = require('./processes');

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Fail early when the files package.json's `n8n` section lists are missing. */
function assertBuilt(packageDir, packageJson) {
	const listed = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	const missing = listed.filter((file) => !fs.existsSync(path.join(packageDir, file)));
	if (missing.length) throw new Error(`${packageJson.name} is not built (missing ${missing.join(', ')}): run \`npm run build\``);
}

async function placePackage(packageDir, userFolder) {
	const packageJson = readJson(path.join(packageDir, 'package.json'));
	assertBuilt(packageDir, packageJson);
	const env = node24Env(withoutNpmScriptVars(process.env));
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', packageJson.name);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	try {
		const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', `--pack-destination=${packDir}`], {
			cwd: packageDir,
			env,
			echo: false,
			timeoutMs: 120_000,
		});
		const [{ filename }] = JSON.parse(stdout);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		await run('tar', ['-xzf', path.join(packDir, filename), '-C', target, '--strip-components=1'], { echo: false });
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}

	// As n8n does: peer dependencies (n8n-workflow) come from n8n itself.
	const installed = readJson(path.join(target, 'package.json'));
	delete installed.devDependencies;
	delete installed.peerDependencies;
	delete installed.optionalDependencies;
	fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(installed, null, 2));
	if (Object.keys(installed.dependencies ?? {}).length > 0) {
		await run(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: target, env, echo: false, timeoutMs: 600_000 },
		);
	}
	return { name: packageJson.name, version: packageJson.version, dir: target };
}

module.exports = { placePackage };
