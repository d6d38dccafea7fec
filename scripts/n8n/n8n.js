'use strict';
// Runs the real n8n installed by install.js: the server (for end-to-end tests
// and `npm start`) and its CLI (import:workflow, import:credentials, execute).
//
// Server and CLI share a user folder: n8n keeps its sqlite database, its
// encryption key and its community packages under <userFolder>/.n8n.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { nodeEnv, n8nRuntime } = require('./runtime');
const { spawnGroup, run, waitFor, freePort, withoutNpmScriptVars } = require('./processes');

/** Start of every n8n environment: quiet, offline, local, sqlite. */
const BASE_ENV = {
	DB_TYPE: 'sqlite',
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	N8N_HOST: '127.0.0.1',
	N8N_PROTOCOL: 'http',
	// Plain http on 127.0.0.1: a Secure cookie would never come back from a browser.
	N8N_SECURE_COOKIE: 'false',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	// Internal mode: n8n spawns the JS task runner itself, with the `node` on
	// PATH (nodeEnv puts the runtime's Node first). Each process gets its own broker
	// port so a CLI `execute` can run next to a running server.
	N8N_RUNNERS_MODE: 'internal',
	N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
	N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
};

/**
 * Full environment for an n8n process (server or CLI). npm's script
 * variables are dropped: n8n runs npm itself to install community packages.
 */
function n8nEnv({ userFolder, port, brokerPort, customExtensionsDir, runtime, env = {} }) {
	// Jest sets NODE_ENV=test; n8n then behaves as in its own unit tests (no node loading, no
	// output). Users run n8n without NODE_ENV.
	const { NODE_ENV: _testRunnerMode, ...inherited } = withoutNpmScriptVars(process.env);
	return {
		...nodeEnv(n8nRuntime(runtime).nodeBin, inherited),
		...BASE_ENV,
		N8N_USER_FOLDER: userFolder,
		...(port ? { N8N_PORT: String(port) } : {}),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...(customExtensionsDir ? { N8N_CUSTOM_EXTENSIONS: customExtensionsDir } : {}),
		...n8nRuntime(runtime).env,
		...env,
	};
}

/** The n8n executable of a runtime (`n8n`, `n8n1` …) and the Node that runs it, installed. */
function installed(runtime = 'n8n') {
	const { bin, nodeBin } = n8nRuntime(runtime);
	if (!fs.existsSync(bin) || !fs.existsSync(nodeBin)) {
		throw new Error(`${runtime} is not installed: run \`node scripts/n8n/install.js ${runtime}\``);
	}
	return { bin, nodeBin };
}

function makeTempUserFolder() {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-user-'));
}

/**
 * Start `n8n start` (or `args`, e.g. a queue-mode worker whose health server
 * listens on `port`) and wait until it serves /healthz/readiness. Without a
 * userFolder it uses a new temp folder, which stop() then deletes. With
 * `logFile`, n8n's whole output is appended there.
 * @returns {{ url, port, userFolder, stop(): Promise, log(): string, exited: Promise }}
 */
async function startN8n({
	userFolder,
	port,
	customExtensionsDir,
	env = {},
	echo = false,
	logFile,
	timeoutMs = 120_000,
	runtime,
	args = ['start'],
} = {}) {
	const { bin, nodeBin } = installed(runtime);
	const ownsUserFolder = !userFolder;
	userFolder = userFolder || makeTempUserFolder();
	port = port || (await freePort());
	const brokerPort = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = spawnGroup(nodeBin, [bin, ...args], {
		cwd: userFolder,
		env: n8nEnv({ userFolder, port, brokerPort, customExtensionsDir, runtime, env }),
		echo,
		logFile,
	});
	const stop = async () => {
		await proc.stop(15_000);
		if (ownsUserFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		// Not /healthz: it answers (and other routes say "n8n is starting up")
		// before migrations and controllers are done. /healthz/readiness turns
		// 200 only once the server marked itself fully ready.
		// n8n 1.x turns ready once migrated, before its REST controllers exist: /rest/settings
		// (public) answers 404 until they do. A queue-mode worker serves only the health routes.
		const answers = async (route) => (await fetch(`${url}${route}`, { signal: AbortSignal.timeout(5_000) })).ok;
		const servesRest = args[0] === 'start';
		await waitFor(
			`n8n on ${url}`,
			async () => (await answers('/healthz/readiness')) && (!servesRest || (await answers('/rest/settings'))),
			{
				timeoutMs,
				abortIf: () => proc.child.exitCode !== null && `exited early (code ${proc.child.exitCode})`,
			},
		);
	} catch (error) {
		await stop();
		error.message += `\n--- n8n log (tail) ---\n${proc.log().slice(-6000)}`;
		throw error;
	}
	return { url, port, userFolder, stop, log: proc.log, exited: proc.exited };
}

/**
 * Run an n8n CLI command against a user folder; works while a server on the
 * same folder is running (sqlite is opened in WAL mode by both).
 * @returns {{ stdout, stderr, seconds }}
 */
async function runCli(args, { userFolder, customExtensionsDir, runtime, env = {}, timeoutMs = 180_000 } = {}) {
	const { bin, nodeBin } = installed(runtime);
	if (!userFolder) throw new Error('runCli needs the userFolder of the instance to act on');
	const brokerPort = await freePort();
	return await run(nodeBin, [bin, ...args], {
		cwd: userFolder,
		env: n8nEnv({ userFolder, brokerPort, customExtensionsDir, runtime, env }),
		timeoutMs,
		echo: false,
	});
}

/** Run `fn(file)` with `value` as a JSON file (or as is, if it is a path already). */
async function withInputFile(value, fn) {
	if (typeof value === 'string') return await fn(value);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-input-'));
	try {
		const file = path.join(dir, 'input.json');
		fs.writeFileSync(file, JSON.stringify(value));
		return await fn(file);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Import workflows (an object, an array or a file path); give them an `id` to execute them later. */
async function importWorkflow(workflow, options) {
	return await withInputFile(workflow, (file) => runCli(['import:workflow', `--input=${file}`], options));
}

/**
 * Import credentials (an array or a file path). `data` may be a plain
 * object: import:credentials encrypts it with the instance key, no flag needed.
 */
async function importCredentials(credentials, options) {
	return await withInputFile(credentials, (file) => runCli(['import:credentials', `--input=${file}`], options));
}

/**
 * Execute a stored workflow with `n8n execute --id=… --rawOutput`.
 * @returns the run (IRun): run.data.resultData.runData[nodeName][0].data.main[0] = items
 * @throws when the workflow fails; then error.run is the failed run (if n8n printed it)
 */
async function executeWorkflow(id, options = {}) {
	let result;
	try {
		result = await runCli(['execute', `--id=${id}`, '--rawOutput'], options);
	} catch (error) {
		result = error;
	}
	const run = findRun(result.stdout || '');
	// n8n 2.41's default expression engine ("vm", isolated-vm) sometimes
	// segfaults in process.exit, after the run was printed and stored (about
	// 1 in 5 under load here; never with N8N_EXPRESSION_ENGINE=legacy). So a
	// complete run decides, not the exit status.
	if (run && run.status === 'success' && (result.code === 0 || result.signal === 'SIGSEGV')) return run;

	const reason = run?.data?.resultData?.error?.message ?? result.message ?? `status ${run?.status}`;
	const tail = (result.output || '').slice(-6000);
	const error = new Error(`workflow ${id} failed: ${reason}\n--- n8n execute output (tail) ---\n${tail}`);
	error.run = run;
	throw error;
}

// The run is printed as pretty JSON: from a line "{" to the next line "}".
// Log lines may come before it and, when the workflow failed, after it.
function findRun(stdout) {
	const start = stdout.search(/^\{$/m);
	if (start === -1) return undefined;
	const end = stdout.slice(start).search(/^\}$/m);
	if (end === -1) return undefined; // cut short
	try {
		return JSON.parse(stdout.slice(start, start + end + 1));
	} catch {
		return undefined;
	}
}

/** Items one node produced in a run (first run, first main output). */
function nodeOutput(runData, nodeName) {
	const nodeRuns = runData.data.resultData.runData[nodeName];
	if (!nodeRuns) throw new Error(`node "${nodeName}" did not run`);
	return (nodeRuns[0].data?.main?.[0] ?? []).map((item) => item.json);
}

module.exports = {
	startN8n,
	runCli,
	importWorkflow,
	importCredentials,
	executeWorkflow,
	nodeOutput,
	n8nEnv,
	makeTempUserFolder,
};
