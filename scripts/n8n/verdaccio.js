'use strict';
// A throw-away local npm registry (verdaccio) on 127.0.0.1, so a test can
// publish a package and have n8n install it by name. No uplinks: it never
// proxies to the internet, it only serves what was published to it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { paths, node24Env } = require('./runtime');
const { spawnGroup, run, waitFor, freePort, withoutNpmScriptVars } = require('./processes');

function writeConfig(dir, port) {
	// YAML is a superset of JSON, so JSON.stringify writes a valid config.
	const config = {
		storage: path.join(dir, 'storage'),
		auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: 1000 } },
		uplinks: {},
		packages: { '**': { access: '$all', publish: '$all', unpublish: '$all' } },
		middlewares: { audit: { enabled: false } },
		web: { enable: false },
		logs: { type: 'stdout', format: 'pretty', level: 'warn' },
		listen: `127.0.0.1:${port}`,
	};
	const file = path.join(dir, 'config.yaml');
	fs.writeFileSync(file, JSON.stringify(config, null, 2));
	return file;
}

/**
 * Start verdaccio with its storage in `dir` (default: a new temp folder,
 * deleted by stop()).
 * @returns {{ url, token, stop(), log() }} token: a registry user's auth token
 */
async function startVerdaccio({ dir, port, timeoutMs = 60_000 } = {}) {
	if (!fs.existsSync(paths.verdaccioBin)) {
		throw new Error('verdaccio is not installed: run `node scripts/n8n/install.js verdaccio`');
	}
	const ownsDir = !dir;
	dir = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'verdaccio-'));
	fs.mkdirSync(dir, { recursive: true });
	port = port || (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const proc = spawnGroup(paths.node24Bin, [paths.verdaccioBin, '--config', writeConfig(dir, port)], {
		cwd: dir,
		env: node24Env(process.env),
	});
	const stop = async () => {
		await proc.stop(5_000);
		if (ownsDir) fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(`verdaccio on ${url}`, async () => (await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(5_000) })).ok, {
			timeoutMs,
			abortIf: () => proc.child.exitCode !== null && `exited early (code ${proc.child.exitCode})`,
		});
		return { url, token: await createUser(url), stop, log: proc.log };
	} catch (error) {
		await stop();
		error.message += `\n--- verdaccio log ---\n${proc.log().slice(-4000)}`;
		throw error;
	}
}

// npm refuses to publish without credentials, so register a user the way
// `npm adduser` does and hand out its token.
async function createUser(url, name = 'tester') {
	const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password: 'tester-password', email: `${name}@example.com` }),
		signal: AbortSignal.timeout(10_000),
	});
	const body = await response.json();
	if (!response.ok || !body.token) throw new Error(`verdaccio user creation failed: ${JSON.stringify(body)}`);
	return body.token;
}

/** `npm publish` a package folder to the registry. Scripts are skipped: build first. */
async function publishPackage(packageDir, { url, token, timeoutMs = 120_000 }) {
	const host = new URL(url).host;
	return await run(
		'npm',
		['publish', '--ignore-scripts', `--registry=${url}`, `--//${host}/:_authToken=${token}`, '--loglevel=warn'],
		{ cwd: packageDir, env: withoutNpmScriptVars(process.env), timeoutMs, echo: false },
	);
}

module.exports = { startVerdaccio, publishPackage };
