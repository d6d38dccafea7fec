'use strict';
// n8n in queue mode, as larger installations run it: Postgres, Redis, one main process (editor,
// REST API, webhooks; it queues the executions) and `workers` worker processes that run them.
// Each process has its own user folder; the workers' folders link to the main's community
// packages (.n8n/nodes), so every process loads the same package.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { startN8n, makeTempUserFolder } = require('./n8n');
const { freePort } = require('./processes');
const { ensureQueueServices, startRedis, startPostgres } = require('./services');

/** Environment shared by main and workers: the same database, queue and encryption key. */
function queueEnv(redis, postgres) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
	};
}

function workerFolder(mainFolder) {
	const folder = makeTempUserFolder();
	fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
	fs.symlinkSync(path.join(mainFolder, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), 'dir');
	return folder;
}

/**
 * Starts Redis, Postgres, n8n's main process on `userFolder` (place packages there first) and the
 * workers. Servers live at most `lifetimeSeconds`; stop() ends them all, workers first.
 * @returns {{ url, main, workers, redis, postgres, stop(): Promise<void>, logs(): string }}
 */
async function startQueueN8n({ userFolder, workers = 3, concurrency = 10, env = {}, timeoutMs = 600_000, lifetimeSeconds = 3600 }) {
	await ensureQueueServices();
	const stoppers = [];
	const stop = async () => {
		for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch(() => undefined);
	};
	try {
		const redis = await startRedis({ lifetimeSeconds });
		stoppers.push(redis.stop);
		const postgres = await startPostgres({ lifetimeSeconds });
		stoppers.push(postgres.stop);
		const shared = { ...queueEnv(redis, postgres), ...env };
		// The main process runs the database migrations: workers start once it is ready.
		const main = await startN8n({ userFolder, env: shared, timeoutMs });
		stoppers.push(main.stop);
		const started = await Promise.all(
			Array.from({ length: workers }, async () => {
				const folder = workerFolder(userFolder);
				stoppers.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
				// The worker's health server answers /healthz/readiness on `port`.
				const port = await freePort();
				const worker = await startN8n({
					userFolder: folder,
					port,
					args: ['worker', `--concurrency=${concurrency}`],
					timeoutMs,
					env: { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
				});
				stoppers.push(worker.stop);
				return worker;
			}),
		);
		return {
			url: main.url,
			main,
			workers: started,
			redis,
			postgres,
			stop,
			logs: (tailChars = 4000) => [main, ...started].map((p, i) => `--- ${i === 0 ? 'main' : `worker ${i}`} ---\n${p.log().slice(-tailChars)}`).join('\n'),
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueN8n };
