'use strict';
// One real n8n 2.41.1 server for the sections that measure n8n itself (per-item
// overhead, tokens): this package placed as an installed community package,
// the owner set up, credentials and workflows created and published through
// n8n's REST API, executions started by production webhooks. Started on first
// use and shared; index.js stops it at the end.
const fs = require('fs');
const path = require('path');
const { ensureInstalled, placePackage, startN8n, makeTempUserFolder, setupOwner } = require('../n8n');
const { paths } = require('../n8n/runtime');
const { waitFor } = require('../n8n/processes');
const { log } = require('./common');

// n8n stores run data flattened with `flatted`; the runtime ships it.
const flatted = require(path.join(paths.n8nDir, 'node_modules', 'flatted'));

let shared;

async function startBenchN8n() {
	await ensureInstalled(['n8n']);
	const userFolder = makeTempUserFolder();
	try {
		await placePackage(paths.projectRoot, userFolder);
		log('starting n8n 2.41.1 with the package placed …');
		const n8n = await startN8n({
			userFolder,
			timeoutMs: 600_000,
			// Executions run in the main process, as in a default install; no concurrency cap.
			env: {
				N8N_LOG_LEVEL: 'warn',
				EXECUTIONS_MODE: 'regular',
				N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1',
				// A 1,000-item node run keeps the event loop busy for seconds on this shared machine;
				// with the default 5 s ping timeout n8n then marks its database "not ready" (HTTP 503).
				DB_PING_TIMEOUT_MS: '120000',
				// The task runner (unused here) may start slowly under load; don't let it fail the start.
				N8N_RUNNERS_GRANT_TOKEN_TTL: '600',
			},
		});
		const api = await setupOwner(n8n.url);
		return instance(n8n, api, userFolder);
	} catch (error) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

/** GET that waits out n8n's "Database is not ready!" (503) after a long busy spell. */
async function getWhenReady(api, path, { attempts = 120 } = {}) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await api.get(path);
		} catch (error) {
			if (error.status !== 503 || attempt >= attempts) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

function instance(n8n, api, userFolder) {
	return {
		url: n8n.url,
		api,
		log: n8n.log,

		async createCredential(name, type, data) {
			const { id } = await api.post('/rest/credentials', { name, type, data });
			return { id, name };
		},

		/** Creates and publishes (activates) a workflow; its webhooks then answer at /webhook/<path>. */
		async createActiveWorkflow(workflow) {
			const created = await api.post('/rest/workflows', { settings: { executionOrder: 'v1' }, ...workflow, active: false });
			await api.post(`/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
			// Webhooks register shortly after activation; a CORS preflight finds them without running anything.
			const webhookPaths = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook').map((node) => node.parameters.path);
			for (const webhookPath of webhookPaths) {
				await waitFor(`webhook ${webhookPath}`, async () => {
					const response = await fetch(`${n8n.url}/webhook/${webhookPath}`, {
						method: 'OPTIONS',
						headers: { origin: n8n.url, 'access-control-request-method': 'POST' },
					});
					return response.status < 400;
				}, { timeoutMs: 30_000, intervalMs: 200 });
			}
			return created.id;
		},

		async callWebhook(webhookPath, body) {
			const response = await fetch(`${n8n.url}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				// A 1,000-item run takes minutes on a loaded machine.
				signal: AbortSignal.timeout(1_800_000),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`webhook ${webhookPath}: HTTP ${response.status} ${text.slice(0, 500)}`);
			return text;
		},

		/** The newest finished executions of a workflow (summaries, no run data). */
		async executions(workflowId, limit) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const page = await getWhenReady(api, `/rest/executions?filter=${filter}&limit=${limit}`);
			return page.results;
		},

		/** Run data of one execution: { [nodeName]: ITaskData[] }. */
		async runData(executionId) {
			const execution = await getWhenReady(api, `/rest/executions/${executionId}`);
			const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
			return data.resultData.runData;
		},

		async stop() {
			await n8n.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/**
 * Webhook (POST /webhook/<path>, answers when the last node is done, no body) → nodes…,
 * connected in a line.
 */
function webhookWorkflow(name, webhookPath, nodes) {
	const webhook = {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: webhookPath,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'noData', options: {} },
	};
	const all = [webhook, ...nodes];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		name,
		connections,
		nodes: all.map((node, i) => ({ id: `${webhookPath}-${i}`, position: [i * 220, 0], parameters: {}, ...node })),
	};
}

/** The bench's n8n server, started on first call. */
function sharedN8n() {
	shared ??= startBenchN8n();
	return shared;
}

async function stopSharedN8n() {
	if (!shared) return;
	const pending = shared;
	shared = undefined;
	const n8n = await pending.catch(() => undefined);
	if (n8n) await n8n.stop();
}

module.exports = { sharedN8n, stopSharedN8n, webhookWorkflow, benchClient: instance };
