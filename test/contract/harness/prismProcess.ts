import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';

export interface PrismProxy {
	readonly baseUrl: string;
	/** Process group of Prism (and its watchdog); gone after stop(). */
	readonly pid: number;
	stop(): Promise<void>;
}

export interface PrismProxyOptions {
	specFile: string;
	upstreamUrl: string;
	/** Prism's console output goes here; its tail is quoted when Prism fails to start. */
	logFile: string;
	startupTimeoutMs?: number;
}

const LOOPBACK = '127.0.0.1';
const PORT_CLAIM_ATTEMPTS = 3;
const READINESS_POLL_MS = 100;
const GRACEFUL_STOP_MS = 3_000;
const GROUP_POLL_MS = 25;
const KILL_GRACE_MS = 2_000;

const WATCHDOG = path.join(__dirname, 'killWithParent.js');

/** Starts `prism proxy --errors` on a free loopback port in front of `upstreamUrl`. */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismProxy> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnFreePort(options);
		} catch (error) {
			// The free port can be taken between our probe and Prism's listen; try another one.
			const portTaken = /EADDRINUSE/.test(String(error));
			if (!portTaken || attempt === PORT_CLAIM_ATTEMPTS) throw error;
		}
	}
}

async function startOnFreePort(options: PrismProxyOptions): Promise<PrismProxy> {
	const port = await findFreePort();
	const baseUrl = `http://${LOOPBACK}:${port}`;
	const prismArgs = ['proxy', options.specFile, options.upstreamUrl, '--errors'];
	prismArgs.push('--host', LOOPBACK, '--port', String(port), '--verboseLevel', 'warn');

	const log = fs.openSync(options.logFile, 'a');
	const watchdog = spawn(process.execPath, [WATCHDOG, process.execPath, prismCli(), ...prismArgs], {
		stdio: ['pipe', log, log],
		// Own process group, so stop() can signal Prism and everything it started at once.
		detached: true,
	});
	fs.closeSync(log);
	// A test that forgets stop() must not keep jest alive; the watchdog still kills Prism when
	// jest exits and the pipe closes.
	watchdog.unref();
	(watchdog.stdin as net.Socket).unref();
	const exited = new Promise<void>((resolve) => watchdog.once('exit', () => resolve()));
	const stop = () => stopProcessGroup(watchdog, exited);

	try {
		await waitUntilServing(baseUrl, exited, options.startupTimeoutMs ?? 60_000);
	} catch (error) {
		await stop();
		throw new Error(`Prism did not start: ${error.message}\n--- ${options.logFile} ---\n${logTail(options.logFile)}`);
	}
	return { baseUrl, pid: watchdog.pid as number, stop };
}

function prismCli(): string {
	const manifest = require.resolve('@stoplight/prism-cli/package.json');
	const bin = (require(manifest) as { bin: string | Record<string, string> }).bin;
	return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.prism);
}

function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, LOOPBACK, () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

async function waitUntilServing(baseUrl: string, exited: Promise<void>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let hasExited = false;
	void exited.then(() => (hasExited = true));
	while (!(await answersHttp(baseUrl))) {
		if (hasExited) throw new Error('the process exited');
		if (Date.now() > deadline) throw new Error(`no answer on ${baseUrl} within ${timeoutMs} ms`);
		await sleep(READINESS_POLL_MS);
	}
}

/** Any HTTP answer will do: Prism answers 404 for `/` once it listens. */
function answersHttp(baseUrl: string): Promise<boolean> {
	return new Promise((resolve) => {
		const request = http.get(`${baseUrl}/`, { timeout: 1_000 }, (response) => {
			response.resume();
			resolve(true);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(false));
	});
}

async function stopProcessGroup(watchdog: ChildProcess, exited: Promise<void>): Promise<void> {
	const group = watchdog.pid;
	if (group === undefined) return;
	// Closing its stdin makes the watchdog kill and reap Prism, then exit.
	watchdog.stdin?.destroy();
	if (await groupGoneWithin(group, GRACEFUL_STOP_MS)) return;
	signalGroup(group, 'SIGKILL');
	if (!(await settlesWithin(exited, KILL_GRACE_MS))) {
		throw new Error(`Prism's process group ${group} survived SIGKILL`);
	}
}

async function groupGoneWithin(group: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (groupExists(group)) {
		if (Date.now() > deadline) return false;
		await sleep(GROUP_POLL_MS);
	}
	return true;
}

function groupExists(group: number): boolean {
	try {
		process.kill(-group, 0);
		return true;
	} catch (error) {
		if (error.code === 'ESRCH') return false;
		throw error;
	}
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-group, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error; // ESRCH: already gone
	}
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
	return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

function logTail(logFile: string): string {
	try {
		return fs.readFileSync(logFile, 'utf8').slice(-4_000);
	} catch {
		return '(no log)';
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
