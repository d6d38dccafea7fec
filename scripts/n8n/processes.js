'use strict';
// Child-process helpers shared by the installer, n8n and verdaccio wrappers.
// Every child gets its own process group (detached) so that a timeout or a
// stop() can kill it together with whatever it spawned (npm → node-gyp,
// n8n → task runners); every wait has a deadline.
const { spawn } = require('child_process');
const net = require('net');

const liveGroups = new Set();

function killGroup(pid, signal = 'SIGTERM') {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

// A crashed or interrupted script must not leave servers behind.
let exitHooked = false;
function hookExit() {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => process.exit(130));
	}
}

/**
 * Start a long-running child in its own process group. Output is kept in
 * `log()` (last `keepBytes`) and optionally echoed.
 */
function spawnGroup(command, args, { cwd, env, echo = false, keepBytes = 1_000_000 } = {}) {
	hookExit();
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	liveGroups.add(child.pid);
	let output = '';
	const collect = (stream) => (chunk) => {
		output = (output + chunk.toString()).slice(-keepBytes);
		if (echo) stream.write(chunk);
	};
	child.stdout.on('data', collect(process.stdout));
	child.stderr.on('data', collect(process.stderr));
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			liveGroups.delete(child.pid);
			resolve({ code, signal });
		});
	});

	/** SIGTERM the group, SIGKILL it if it is still there after graceMs. */
	async function stop(graceMs = 10_000) {
		if (child.exitCode !== null || child.signalCode !== null) return exited;
		killGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
		const result = await exited;
		clearTimeout(timer);
		// Grandchildren may outlive the leader; make sure the group is empty.
		killGroup(child.pid, 'SIGKILL');
		return result;
	}

	return { child, exited, stop, log: () => output };
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
	const { code, signal } = await proc.exited;
	clearTimeout(timer);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (timedOut) throw new Error(`${command} ${args.join(' ')}: timed out after ${timeoutMs / 1000} s`);
	if (code !== 0) {
		const error = new Error(`${command} ${args.join(' ')}: exit ${code ?? signal} after ${seconds} s`);
		error.output = proc.log();
		throw error;
	}
	return { output: proc.log(), seconds: Number(seconds) };
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

module.exports = { spawnGroup, run, waitFor, freePort, killGroup };
