#!/usr/bin/env node
'use strict';
// `npm start`: the fake 3CX PBX and real n8n, both on 127.0.0.1, with this project's built
// package loaded as a community package, the credential "3CX (local demo PBX)" and the example
// workflows of demo/workflows ready. Data (owner, workflows, credentials) stays in .cache/n8n-dev
// between runs; re-runs add nothing twice. Ctrl-C (or SIGTERM) stops n8n and the fake PBX.
//
//   node scripts/n8n/start.js [--fresh]            --fresh: throw-away data folder
//   N8N_PORT=5679 FAKE_PBX_PORT=5002 node scripts/n8n/start.js
//   N8N_DEV_FOLDER=/some/dir node scripts/n8n/start.js   another data folder
//
// Ports default to 5678 (n8n) and 5001 (fake PBX); a busy default is replaced by a free port,
// a busy port asked for by environment variable is an error. n8n's own output goes to a log file
// (n8n.log in the data folder); the terminal gets progress lines and the summary.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { paths, versions } = require('./runtime');
const { ensureInstalled } = require('./install');
const { placePackage } = require('./local-package');
const { startN8n } = require('./n8n');
const { setupOwner, login, DEFAULT_OWNER } = require('./n8n-rest');
const { freePort } = require('./processes');
const { withProgress } = require('./progress');
const { provisionDemo } = require('./demo/provision');
const { startFakePbx } = require('../../test/fake-pbx');

const PBX_CLIENT = { clientId: 'demo', clientSecret: 'demo-secret' };
const CALL_HISTORY_ROWS = 6000;
// Call Control demo ("3CX demo: Missed Call → Message"): the fake PBX rings extension 100 this often.
const DEMO_CALL_EVERY_MS = 60_000;

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** The port from `envName`, else `preferred` if free, else any free port. */
async function choosePort(envName, preferred) {
	const requested = process.env[envName];
	if (requested !== undefined && requested !== '') {
		const port = Number(requested);
		if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${envName} must be a port number, got '${requested}'`);
		if (port !== 0 && !(await portIsFree(port))) throw new Error(`${envName}=${port}: that port is in use on 127.0.0.1`);
		return port || (await freePort());
	}
	if (await portIsFree(preferred)) return preferred;
	const port = await freePort();
	console.log(`[start] port ${preferred} is in use: using ${port} (set ${envName} to choose)`);
	return port;
}

/**
 * The owner's REST client: set up on first start, logged in later; undefined if the password
 * changed. n8n's public settings say which, so no request is made that n8n would log as failed.
 */
async function ownerClient(url) {
	const settings = await (await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(30_000) })).json();
	if (settings.data?.userManagement?.showSetupOnFirstLoad) return await setupOwner(url);
	try {
		return await login(url);
	} catch (error) {
		if (error.status !== 401) throw error;
		return undefined;
	}
}

function describeProvisioning({ credential, workflows }) {
	const created = workflows.filter((w) => w.action === 'created').length;
	return [
		`  credential:    ${credential.name} (${credential.action === 'kept' ? 'already there, kept as is' : credential.action})`,
		`  workflows:     ${workflows.length} examples named "3CX demo: …" (${created ? `${created} created` : 'all already there'})`,
	];
}

async function main() {
	const fresh = process.argv.includes('--fresh');
	// Not n8n's own N8N_USER_FOLDER: a user's real n8n data must not get the demo content.
	const userFolder = fresh
		? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-dev-'))
		: path.resolve(process.env.N8N_DEV_FOLDER || path.join(paths.projectRoot, '.cache', 'n8n-dev'));
	fs.mkdirSync(userFolder, { recursive: true });
	if (fresh) process.on('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));
	// Beside a throw-away folder, so that it outlives it.
	const logFile = fresh ? `${userFolder}.log` : path.join(userFolder, 'n8n.log');

	await ensureInstalled(['n8n']);
	const placed = await placePackage(paths.projectRoot, userFolder);
	console.log(`[start] ${placed.name}@${placed.version} placed in ${placed.dir}`);

	const pbx = await startFakePbx({ port: await choosePort('FAKE_PBX_PORT', 5001), ...PBX_CLIENT, callHistoryRows: CALL_HISTORY_ROWS, demoCallsEveryMs: DEMO_CALL_EVERY_MS });
	console.log(`[start] fake 3CX PBX on ${pbx.url}`);

	const port = await choosePort('N8N_PORT', 5678);
	console.log(`[start] n8n's own output goes to ${logFile}`);
	const n8n = await withProgress('start', `Starting n8n ${versions.n8n} on port ${port}`, () => startN8n({ userFolder, port, logFile, timeoutMs: 300_000 }), {
		usually: '30–90 s; a new data folder also gets its database set up',
		everyMs: 15_000,
	});
	const api = await ownerClient(n8n.url);
	const demo = api && (await provisionDemo(api, { url: pbx.url, ...PBX_CLIENT }));
	const lines = [
		'',
		'[start] Ready.',
		`  n8n editor:    ${n8n.url}  (${api ? `log in as ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}` : 'log in with the owner account of this data folder'})`,
		`  fake 3CX PBX:  ${pbx.url}  (client ID ${PBX_CLIENT.clientId}, API key ${PBX_CLIENT.clientSecret}, ${CALL_HISTORY_ROWS} call-history rows)`,
		`  demo calls:    extension 100 rings every minute; one more now: curl -X POST ${pbx.url}/demo/call`,
	];
	if (demo) {
		lines.push(...describeProvisioning(demo));
		lines.push('  To use your own PBX: edit the credential (PBX URL, Client ID, API key); the workflows follow it.');
	} else {
		lines.push(`  (could not log in as ${DEFAULT_OWNER.email}: demo credential and workflows not checked)`);
	}
	lines.push(`  data folder:   ${userFolder}${fresh ? ' (deleted on exit)' : ''}`, `  n8n log:       ${logFile}`, '  Ctrl-C stops n8n and the fake PBX.', '');
	console.log(lines.join('\n'));

	const { code, signal } = await n8n.exited;
	await pbx.stop();
	console.log(`[start] n8n stopped${code ? ` (exit code ${code})` : ''}; its log: ${logFile}`);
	process.exitCode = code ?? (signal ? 1 : 0);
}

main().catch((error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
