'use strict';
// Webhook loads on one 3CX credential, for n8n in queue mode and in one process: Webhook →
// 3CX Users › Get Many (Limit 5) → answer. Each load gets its own fake PBX (3CX's rule: one live
// token per API client; tokens expire after the load's lifetime), its own credential with no token
// yet, and its own published workflow. Used by `npm run bench` (queue section) and the queue-mode
// e2e suite (shorter loads).
const fs = require('fs');
const { startFakePbx } = require('../../test/fake-pbx');
const { ensureInstalled, makeTempUserFolder, placePackage, setupOwner } = require('../n8n');
const { startQueueN8n } = require('../n8n/queue-mode');
const { paths } = require('../n8n/runtime');
const { benchClient, webhookWorkflow } = require('./bench-n8n');
const { credentialData } = require('./workload');

/** The loads of issue 13, measured with 3 workers and with one process. */
const LOADS = [
	{ id: 'burst', label: '50 at once, fresh credential', executions: 50, overMs: 0, tokenLifetimeSeconds: 3600 },
	{ id: 'churn', label: '150 over 30 s, token lifetime 5 s', executions: 150, overMs: 30_000, tokenLifetimeSeconds: 5 },
	{ id: 'steady', label: '240 over 120 s, token lifetime 20 s', executions: 240, overMs: 120_000, tokenLifetimeSeconds: 20 },
];

const CLIENT = { clientId: 'queue-load', clientSecret: 'queue-load-secret' };

function getManyUsers(credential) {
	return {
		name: '3CX',
		type: 'n8n-nodes-3cx.threeCx',
		typeVersion: 1,
		parameters: { resource: 'users', operation: 'listUser', returnAll: false, limit: 5 },
		credentials: { threeCxApi: credential },
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most one mint per process per token lifetime begun, plus the first: what 3CX's one-token rule
 * allows when every process finds the token expired at once.
 */
function mintBound(processes, seconds, tokenLifetimeSeconds) {
	return processes * (Math.floor(seconds / tokenLifetimeSeconds) + 1);
}

/**
 * Runs `load` on an n8n of startLoadTarget.
 * @returns {{ ok, failed, mints, unauthorized, seconds, mintBound, firstError? }}
 */
async function runLoad(n8n, load, { tag = load.id } = {}) {
	const pbx = await startFakePbx({ port: 0, ...CLIENT, tokenLifetimeSeconds: load.tokenLifetimeSeconds });
	try {
		const credential = await n8n.createCredential(`3CX queue load ${tag}`, 'threeCxApi', credentialData(pbx.url, CLIENT.clientId, CLIENT.clientSecret));
		const path = `queue-load-${tag}`;
		await n8n.createActiveWorkflow(webhookWorkflow(`queue load ${tag}`, path, [getManyUsers(credential)]));
		pbx.resetStats();
		const started = Date.now();
		const gapMs = load.executions > 1 ? load.overMs / (load.executions - 1) : 0;
		const calls = Array.from({ length: load.executions }, async (_, i) => {
			await sleep(i * gapMs);
			return await n8n.callWebhook(path, { i });
		});
		const answers = await Promise.allSettled(calls);
		const seconds = (Date.now() - started) / 1000;
		const failures = answers.filter((answer) => answer.status === 'rejected');
		return {
			ok: load.executions - failures.length,
			failed: failures.length,
			mints: pbx.stats.mints,
			unauthorized: pbx.stats.unauthorized,
			seconds: Math.round(seconds),
			mintBound: mintBound(n8n.processes, seconds, load.tokenLifetimeSeconds),
			...(failures.length ? { firstError: String(failures[0].reason?.message ?? failures[0].reason).slice(0, 300) } : {}),
		};
	} finally {
		await pbx.stop();
	}
}

/**
 * n8n on Postgres with this package placed: main and `workers` workers in queue mode, or, with
 * no workers, one process running its executions itself (the baseline). Resolves a bench-n8n
 * client whose stop() ends every process and server.
 */
async function startLoadTarget({ workers, env = {} }) {
	await ensureInstalled(['node24', 'n8n']);
	const userFolder = makeTempUserFolder();
	try {
		await placePackage(paths.projectRoot, userFolder);
		const n8n = await startQueueN8n({
			userFolder,
			workers,
			env: {
				N8N_LOG_LEVEL: 'warn',
				...(workers === 0 ? { EXECUTIONS_MODE: 'regular', N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1' } : {}),
				// A loaded 2-core machine: keep n8n from calling its database or task runner dead.
				DB_PING_TIMEOUT_MS: '120000',
				N8N_RUNNERS_GRANT_TOKEN_TTL: '600',
				...env,
			},
		});
		const api = await setupOwner(n8n.url);
		return Object.assign(benchClient({ url: n8n.url, log: n8n.logs, stop: n8n.stop }, api, userFolder), { processes: Math.max(1, workers) });
	} catch (error) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

module.exports = { LOADS, runLoad, mintBound, startLoadTarget };
