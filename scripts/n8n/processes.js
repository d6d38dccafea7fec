'use strict';
// Child-process helpers shared by the installer, n8n and verdaccio wrappers.
// Every child gets its own process group (detached) so that a timeout or a
// stop() can kill it together with whatever it spawned (npm → node-gyp,
// n8n → task runners); every wait has a deadline.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');

const liveGroups = new Set();

function killGroup(pid, signal = 'SIGTERM') {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

// A crashed or interrupted script must not leave servers behind. On Ctrl-C
// (our children have their own process groups, so the terminal does not
// signal them) give them a graceful SIGTERM first; on exit, SIGKILL leftovers.
let exitHooked = false;
function hookExit() {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			for (const pid of liveGroups) killGroup(pid, 'SIGTERM');
			const deadline = Date.now() + 15_000;
			const timer = setInterval(() => {
				if (liveGroups.size > 0 && Date.now() < deadline) return;
				clearInterval(timer);
				process.exit(128 + os.constants.signals[signal]);
			}, 100);
		});
	}
}

/**
 * Start a long-running child in its own process group. Its output is kept
 * (the last `keepBytes` of each stream), optionally echoed, and optionally
 * appended to `logFile` in full.
 */
function spawnGroup(command, args, { cwd, env, echo = false, keepBytes = 2_000_000, logFile } = {}) {
	hookExit();
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	liveGroups.add(child.pid);
	const kept = { stdout: '', stderr: '', both: '' };
	const log = logFile && fs.createWriteStream(logFile, { flags: 'a' });
	if (log) child.on('close', () => log.end());
	const collect = (name) => (chunk) => {
		const text = chunk.toString();
		kept[name] = (kept[name] + text).slice(-keepBytes);
		kept.both = (kept.both + text).slice(-keepBytes);
		if (echo) process[name].write(chunk);
		if (log) log.write(chunk);
	};
	child.stdout.on('data', collect('stdout'));
	child.stderr.on('data', collect('stderr'));
	let closedAt;
	const exited = new Promise((resolve) => {
		child.on('error', (error) => {
			liveGroups.delete(child.pid);
			closedAt = Date.now();
			resolve({ code: null, signal: null, error });
		});
		child.on('close', (code, signal) => {
			liveGroups.delete(child.pid);
			closedAt = Date.now();
			resolve({ code, signal });
		});
	});

	/** SIGTERM the group, SIGKILL it if it is still there after graceMs. */
	async function stop(graceMs = 10_000) {
		if (closedAt === undefined) killGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
		const result = await exited;
		clearTimeout(timer);
		// Grandchildren (task runners, node-gyp) may outlive the leader. Only
		// right after it ended: later the group id could be someone else's.
		if (Date.now() - closedAt < 5_000) killGroup(child.pid, 'SIGKILL');
		return result;
	}

	return {
		child,
		exited,
		stop,
		log: () => kept.both,
		stdout: () => kept.stdout,
		stderr: () => kept.stderr,
	};
}

/** Run a command to completion; rejects on non-zero exit or on timeout. */
async function run(command, args, { cwd, env, timeoutMs = 600_000, echo = true } = {}) {
	const started = Date.now();
	const proc = spawnGroup(command, args, { cwd, env, echo });
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		proc.stop(5_000);
	}, timeoutMs);
	const { code, signal, error } = await proc.exited;
	clearTimeout(timer);
	await proc.stop(0); // leftovers of a finished command must not linger
	const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
	const result = { stdout: proc.stdout(), stderr: proc.stderr(), output: proc.log(), seconds, code, signal };
	const label = `${command} ${args.join(' ')}`;
	if (error) throw Object.assign(new Error(`${label}: ${error.message}`), result);
	if (timedOut) throw Object.assign(new Error(`${label}: timed out after ${timeoutMs / 1000} s`), result);
	if (code !== 0) throw Object.assign(new Error(`${label}: exit ${code ?? signal} after ${seconds} s`), result);
	return result;
}

/** Poll `probe` until it returns a truthy value; fails after timeoutMs. */
async function waitFor(description, probe, { timeoutMs = 120_000, intervalMs = 500, abortIf } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		const reason = abortIf && abortIf();
		if (reason) throw new Error(`${description}: ${reason}`);
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`${description}: not ready after ${timeoutMs / 1000} s${lastError ? ` (${lastError.message})` : ''}`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

// How npm reaches the registry: worth passing on to a nested npm.
const NPM_CONNECTION_SETTINGS =
	/^npm_config_(registry|cache|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|userconfig|globalconfig|fetch_\w+)$/i;

/**
 * `env` without the npm_* variables npm sets for scripts (`npm start`,
 * `npm test`), except connection settings. Passed on to a nested npm they
 * would steer it: this project's .npmrc sets ignore-scripts=true, which
 * would silently skip native builds.
 */
function withoutNpmScriptVars(env) {
	return Object.fromEntries(
		Object.entries(env).filter(([key]) => !/^npm_/i.test(key) || NPM_CONNECTION_SETTINGS.test(key)),
	);
}

module.exports = { spawnGroup, run, waitFor, freePort, killGroup, withoutNpmScriptVars };
