'use strict';
// Redis and Postgres for n8n's queue mode, from Debian's packages: installed with apt-get when
// missing (as root; CI runs as root on a fresh Debian), each started on 127.0.0.1 at a free port
// with its data in a new temp folder. Every server lives at most `lifetimeSeconds` (coreutils
// `timeout` ends it even if this process dies without cleaning up) and stop() ends it earlier
// and deletes its data.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { spawnGroup, run, waitFor, freePort } = require('./processes');
const { hasCommand } = require('./install');

const DEFAULT_LIFETIME_SECONDS = 3600;
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin, off PATH. */
function postgresBinDir() {
	if (!fs.existsSync(POSTGRES_ROOT)) return undefined;
	const majors = fs
		.readdirSync(POSTGRES_ROOT)
		.filter((major) => fs.existsSync(path.join(POSTGRES_ROOT, major, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(POSTGRES_ROOT, majors[0], 'bin') : undefined;
}

function isRoot() {
	return Boolean(process.getuid && process.getuid() === 0);
}

/**
 * The packages' own services must not start (and stay) on install: policy-rc.d says no while
 * apt-get runs, as in Debian's container images.
 */
async function aptInstall(packages) {
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		await run('apt-get', ['update'], { env, timeoutMs: 300_000 });
		await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, timeoutMs: 900_000 });
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
}

/** Installs redis-server and postgresql with apt-get unless both are there. */
async function ensureQueueServices() {
	const missing = [];
	if (!hasCommand('redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return 'installed';
	if (!isRoot() || !hasCommand('apt-get')) {
		throw new Error(`n8n's queue mode needs ${missing.join(' and ')}: apt-get install ${missing.join(' ')} (as root)`);
	}
	console.log(`[services] installing ${missing.join(', ')} with apt-get`);
	await aptInstall(missing);
	return `apt-get install ${missing.join(' ')}`;
}

/** A temp folder the server's user owns (Postgres refuses to run as root). */
function dataFolder(prefix, owner) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (owner) fs.chownSync(dir, owner.uid, owner.gid);
	return dir;
}

/** The command line that runs `command` as `user` (when root) for at most `seconds`. */
function bounded(seconds, command, args, user) {
	const asUser = user ? ['runuser', '-u', user, '--', command, ...args] : [command, ...args];
	return ['timeout', ['-s', 'TERM', '-k', '10', String(seconds), ...asUser]];
}

function startServer(commandLine, dir) {
	const proc = spawnGroup(...commandLine, { cwd: dir });
	const stop = async () => {
		await proc.stop(10_000);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return { proc, stop };
}

async function readyOrStop(description, server, probe) {
	try {
		await waitFor(description, probe, {
			timeoutMs: 60_000,
			intervalMs: 200,
			abortIf: () => server.proc.child.exitCode !== null && `exited early (code ${server.proc.child.exitCode})`,
		});
	} catch (error) {
		await server.stop();
		error.message += `\n--- log (tail) ---\n${server.proc.log().slice(-3000)}`;
		throw error;
	}
}

/** Sends Redis's PING and resolves whether it answered PONG. */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(2_000, () => socket.destroy());
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(false));
		socket.on('data', (data) => {
			resolve(data.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.write('PING\r\n');
	});
}

/** @returns {{ host, port, stop(): Promise<void> }} */
async function startRedis({ lifetimeSeconds = DEFAULT_LIFETIME_SECONDS } = {}) {
	const port = await freePort();
	const dir = dataFolder('redis-');
	const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const server = startServer(bounded(lifetimeSeconds, 'redis-server', args), dir);
	await readyOrStop(`redis on 127.0.0.1:${port}`, server, () => redisPing(port));
	return { host: '127.0.0.1', port, stop: server.stop };
}

function postgresUser() {
	if (!isRoot()) return undefined;
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
	return { name: 'postgres', uid: id('-u'), gid: id('-g') };
}

/**
 * A throw-away cluster: trust authentication on 127.0.0.1 for user `postgres`, database
 * `postgres`, and no durability (fsync off): it lives for one test run.
 * @returns {{ host, port, user, database, stop(): Promise<void> }}
 */
async function startPostgres({ lifetimeSeconds = DEFAULT_LIFETIME_SECONDS } = {}) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('postgres is not installed: call ensureQueueServices() first');
	const owner = postgresUser();
	const dir = dataFolder('postgres-', owner);
	const data = path.join(dir, 'data');
	const initdb = bounded(120, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], owner?.name);
	try {
		await run(...initdb, { cwd: dir, timeoutMs: 130_000, echo: false });
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const port = await freePort();
	const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'].flatMap((s) => ['-c', s]);
	const args = ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...settings];
	const server = startServer(bounded(lifetimeSeconds, path.join(bin, 'postgres'), args, owner?.name), dir);
	const isReady = path.join(bin, 'pg_isready');
	await readyOrStop(`postgres on 127.0.0.1:${port}`, server, async () => {
		await run(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres'], { timeoutMs: 5_000, echo: false });
		return true;
	});
	return { host: '127.0.0.1', port, user: 'postgres', database: 'postgres', stop: server.stop };
}

module.exports = { ensureQueueServices, startRedis, startPostgres };

if (require.main === module) {
	// `node scripts/n8n/services.js`: install if needed, start both, stop both (a smoke test).
	(async () => {
		console.log(`[services] ${await ensureQueueServices()}`);
		const redis = await startRedis({ lifetimeSeconds: 60 });
		const postgres = await startPostgres({ lifetimeSeconds: 60 });
		console.log(`[services] redis 127.0.0.1:${redis.port}, postgres 127.0.0.1:${postgres.port}: both ready`);
		await postgres.stop();
		await redis.stop();
		console.log('[services] both stopped');
	})().catch((error) => {
		console.error(`[services] FAILED: ${error.message}`);
		process.exit(1);
	});
}
