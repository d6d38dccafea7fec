'use strict';
// Figure 4: tokens minted by 50 parallel executions, in a real n8n 2.41.1
// server: 50 simultaneous calls of a published Webhook → 3CX (User › Get)
// workflow whose credential has no token yet. 3CX keeps one live token per
// API client, so every extra mint would revoke the others' token. Each run
// uses its own API client on the fake PBX (and its own credential and
// workflow), so every run starts with no token anywhere.
const { startFakePbx } = require('../../test/fake-pbx');
const { median, log } = require('./common');
const { sharedN8n, webhookWorkflow } = require('./bench-n8n');
const { credentialData, threeCxGetUser } = require('./workload');

const PARALLEL = 50;

function clientFor(run) {
	return { clientId: `bench-tokens-${run}`, clientSecret: `bench-tokens-secret-${run}` };
}

async function prepareRuns(n8n, pbx, runs) {
	const paths = [];
	for (let i = 0; i < runs; i++) {
		const client = clientFor(i);
		const credential = await n8n.createCredential(`3CX bench (tokens ${i})`, 'threeCxApi', credentialData(pbx.url, client.clientId, client.clientSecret));
		const path = `bench-tokens-${i}`;
		await n8n.createActiveWorkflow(webhookWorkflow(`bench tokens ${i}`, path, [threeCxGetUser({ name: '3CX', credential, id: 1 })]));
		paths.push(path);
	}
	return paths;
}

async function fireParallel(n8n, pbx, path) {
	pbx.resetStats();
	const answers = await Promise.allSettled(Array.from({ length: PARALLEL }, () => n8n.callWebhook(path, {})));
	const failed = answers.filter((answer) => answer.status === 'rejected');
	return {
		mints: pbx.stats.mints,
		unauthorized: pbx.stats.unauthorized,
		succeeded: PARALLEL - failed.length,
		firstError: failed[0]?.reason?.message,
	};
}

async function run({ runs }) {
	const clients = Array.from({ length: runs }, (_, i) => clientFor(i));
	const pbx = await startFakePbx({ port: 0, ...clients[0], clients: clients.slice(1), tokenLifetimeSeconds: 3600 });
	try {
		const n8n = await sharedN8n();
		const paths = await prepareRuns(n8n, pbx, runs);
		log(`tokens: ${runs} runs of ${PARALLEL} parallel webhook executions, a new API client each`);
		const samples = [];
		for (const path of paths) {
			samples.push(await fireParallel(n8n, pbx, path));
			const last = samples[samples.length - 1];
			log(`tokens run ${samples.length}: ${last.mints} mint(s), ${last.succeeded}/${PARALLEL} executions succeeded, ${last.unauthorized} 401s`);
		}
		const mints = samples.map((s) => s.mints);
		const allGood = samples.every((s) => s.mints === 1 && s.succeeded === PARALLEL);
		return {
			title: `Tokens (${PARALLEL} parallel production executions, real n8n 2.41.1, fake PBX stats.mints)`,
			rows: [
				{
					figure: `tokens minted by ${PARALLEL} parallel executions`,
					value: `${median(mints)} (runs: ${mints.join(', ')})`,
					baseline: 'one per API client allowed by 3CX',
					goal: 'exactly 1 in every run',
					met: allGood,
				},
				{
					figure: '  executions that succeeded',
					value: samples.map((s) => `${s.succeeded}/${PARALLEL}`).join(', '),
					goal: 'all',
					met: samples.every((s) => s.succeeded === PARALLEL),
				},
				{ figure: '  XAPI 401 answers (revoked token)', value: samples.map((s) => s.unauthorized).join(', ') },
			],
			data: { parallel: PARALLEL, samples },
		};
	} finally {
		await pbx.stop();
	}
}

module.exports = { run };
