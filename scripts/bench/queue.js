'use strict';
// Figure 5: n8n's queue mode (Postgres, Redis, main + 3 workers) against one n8n process on the
// same database, for the webhook loads of queue-loads.js: executions ok/failed, tokens minted
// and XAPI requests refused 401. One run per load and mode: each load takes up to 2 minutes.
const { log } = require('./common');
const { LOADS, runLoad, startLoadTarget } = require('./queue-loads');

const WORKERS = 3;
const MODES = [
	{ id: 'one', label: 'one process', workers: 0 },
	{ id: 'queue', label: `${WORKERS} workers`, workers: WORKERS },
];

function figures(result) {
	return `${result.ok}/${result.failed} ok/failed, ${result.mints} mints, ${result.unauthorized} 401s`;
}

async function measure(mode) {
	log(`queue: starting n8n (${mode.label}) on Postgres and Redis …`);
	const n8n = await startLoadTarget({ workers: mode.workers });
	const results = {};
	try {
		for (const load of LOADS) {
			results[load.id] = await runLoad(n8n, load, { tag: `${load.id}-${mode.id}` });
			log(`queue ${mode.label}, ${load.label}: ${figures(results[load.id])}, ${results[load.id].seconds} s`);
		}
	} finally {
		await n8n.stop();
	}
	return results;
}

async function run() {
	const measured = {};
	for (const mode of MODES) measured[mode.id] = await measure(mode);
	const rows = LOADS.map((load) => {
		const queue = measured.queue[load.id];
		return {
			figure: load.label,
			value: `${WORKERS} workers: ${figures(queue)}`,
			baseline: `one process: ${figures(measured.one[load.id])}`,
			goal: `0 failed, ≤ ${queue.mintBound} mints`,
			met: queue.failed === 0 && queue.mints <= queue.mintBound,
		};
	});
	return {
		title: `Queue mode (real n8n 2.41.1 on Postgres + Redis, ${WORKERS} workers vs one process; one run per load)`,
		rows,
		data: { workers: WORKERS, loads: LOADS, measured },
	};
}

module.exports = { run };
