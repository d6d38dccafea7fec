'use strict';
// Figure 2: per-item overhead in a real n8n 2.41.1 server. Two published
// workflows, Webhook → Split Out (1,000 items) → one node doing 1,000 GETs of
// /Users(id): the 3CX node (User › Get, ID from {{ $json.id }}) and n8n's HTTP
// Request node (same URL built by an expression, same ThreeCxApi credential as
// a predefined credential type, so the same token flow). The figure is each
// node's executionTime as n8n records it in the run data; the raw client does
// the same 1,000 GETs with Node's http module. Runs are interleaved.
const { startFakePbx } = require('../../test/fake-pbx');
const { median, withSpread, formatMs, formatRatio, runChild, log } = require('./common');
const { sharedN8n, webhookWorkflow } = require('./bench-n8n');
const { PBX_CLIENT, credentialData, threeCxGetUser, itemIds } = require('./workload');

const ITEMS = 1000;
const GOAL_RATIO = 1.1;

const splitOut = {
	name: 'Split Out',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: 'body.items', options: {} },
};

function httpRequestNode(credential, pbxUrl) {
	return {
		name: 'Node',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			url: `=${pbxUrl}/xapi/v1/Users({{ $json.id }})`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'threeCxApi',
			options: {},
		},
		credentials: { threeCxApi: credential },
	};
}

/** Sends the items to a workflow and returns its node's executionTime (ms) from the stored run. */
async function timeWorkflow(n8n, workflow) {
	const answer = await n8n.callWebhook(workflow.path, { items: itemIds(ITEMS) }).catch((error) => error);
	const [execution] = await n8n.executions(workflow.id, 1);
	const nodeRun = (await n8n.runData(execution.id)).Node?.[0];
	if (answer instanceof Error && !nodeRun?.error) throw answer;
	const produced = nodeRun?.data?.main?.[0]?.length ?? 0;
	if (nodeRun?.error || produced !== ITEMS) {
		throw new Error(`${workflow.path}: ${nodeRun?.error?.message ?? `${produced} items instead of ${ITEMS}`}`);
	}
	return nodeRun.executionTime;
}

async function timeRawClient(pbx) {
	const result = await runChild('raw-client.js', ['items', pbx.url, PBX_CLIENT.clientId, PBX_CLIENT.clientSecret, ITEMS], { runtime: 'node24' });
	return result.ms;
}

async function run({ runs }) {
	const pbx = await startFakePbx({ port: 0, ...PBX_CLIENT });
	try {
		const n8n = await sharedN8n();
		const credential = await n8n.createCredential('3CX bench (items)', 'threeCxApi', credentialData(pbx.url));
		const workflows = {};
		for (const [key, node] of [
			['threeCx', threeCxGetUser({ name: 'Node', credential, id: '={{ $json.id }}' })],
			['httpRequest', httpRequestNode(credential, pbx.url)],
		]) {
			const path = `bench-items-${key}`;
			const id = await n8n.createActiveWorkflow(webhookWorkflow(`bench items ${key}`, path, [splitOut, node]));
			workflows[key] = { id, path };
		}
		const measure = {
			threeCx: () => timeWorkflow(n8n, workflows.threeCx),
			httpRequest: () => timeWorkflow(n8n, workflows.httpRequest),
			raw: () => timeRawClient(pbx),
		};
		log(`items: warm-up, then ${runs} interleaved runs of ${ITEMS} items × (3CX, HTTP Request, raw client)`);
		for (const fn of Object.values(measure)) await fn();
		const samples = { threeCx: [], httpRequest: [], raw: [] };
		for (let i = 0; i < runs; i++) {
			// Alternate the order so that drift in background load hits every variant alike.
			const order = i % 2 ? ['raw', 'httpRequest', 'threeCx'] : ['threeCx', 'httpRequest', 'raw'];
			for (const key of order) samples[key].push(await measure[key]());
			log(`items run ${i + 1}: 3CX ${formatMs(samples.threeCx[i])}, HTTP Request ${formatMs(samples.httpRequest[i])}, raw ${formatMs(samples.raw[i])}`);
		}
		return report(samples, pbx.stats.mints);
	} finally {
		await pbx.stop();
	}
}

function report(samples, mints) {
	const perItem = (key) => samples[key].map((ms) => ms / ITEMS);
	const pairedRatios = (a, b) => samples[a].map((ms, i) => ms / samples[b][i]);
	const vsHttp = median(pairedRatios('threeCx', 'httpRequest'));
	const row = (figure, key, baseline, ratioOf) => ({
		figure,
		value: withSpread(`${formatMs(median(perItem(key)))}/item`, perItem(key)),
		baseline,
		ratio: ratioOf ? formatRatio(median(pairedRatios(...ratioOf))) : undefined,
	});
	return {
		title: `Per-item overhead (${ITEMS}-item User › Get, real n8n 2.41.1, executionTime from run data)`,
		rows: [
			{ ...row('3CX node', 'threeCx', 'HTTP Request node'), ratio: formatRatio(vsHttp), goal: `≤ ${GOAL_RATIO}× HTTP Request`, met: vsHttp <= GOAL_RATIO },
			row('  3CX node vs raw client', 'threeCx', 'raw http client', ['threeCx', 'raw']),
			row('HTTP Request node (predefined ThreeCxApi credential)', 'httpRequest', 'raw http client', ['httpRequest', 'raw']),
			row('raw http client (Node 24, keep-alive)', 'raw'),
		],
		data: { items: ITEMS, samplesMs: samples, tokenMints: mints },
	};
}

module.exports = { run };
