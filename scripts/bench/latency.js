'use strict';
// Figure 3b: Return All of 100k rows from a PBX 50 ms away (each request answered after 50 ms,
// as a hosted PBX over the internet), at the node's page size. The node keeps a few pages in
// flight; the baseline is a raw client paging one request after another at the same page size.
const { median, withSpread, formatMs, formatBytes, formatRatio, log } = require('./common');
const { measureSize } = require('./paging');
const { PAGE_SIZE } = require('./workload');

const ROWS = 100_000;
const LATENCY_MS = 50;
const GOAL_RATIO = 0.5;

async function run({ runs }) {
	log(`latency: Return All over ${ROWS} rows at ${LATENCY_MS} ms a request, ${runs} runs each of 3CX and a sequential raw client`);
	const samples = await measureSize(ROWS, runs, { latencyMs: LATENCY_MS, variants: ['threeCx', 'raw'] });
	const of = (key, pick) => samples[key].map(pick);
	const ms = median(of('threeCx', (s) => s.ms));
	const rawMs = median(of('raw', (s) => s.ms));
	const ratio = median(samples.threeCx.map((s, i) => s.ms / samples.raw[i].ms));
	return {
		title: `Return All at ${LATENCY_MS} ms per request (CallHistoryView, ${PAGE_SIZE} rows a page)`,
		rows: [
			{
				figure: `Return All ${ROWS / 1000}k rows, ${LATENCY_MS} ms a request: wall time`,
				value: withSpread(formatMs(ms), of('threeCx', (s) => s.ms)),
				baseline: `sequential raw ${withSpread(formatMs(rawMs), of('raw', (s) => s.ms))}`,
				ratio: formatRatio(ratio),
				goal: `≤ ${GOAL_RATIO}× sequential raw`,
				met: ratio <= GOAL_RATIO,
			},
			{
				figure: `Return All ${ROWS / 1000}k rows, ${LATENCY_MS} ms a request: pages per run`,
				value: String(median(of('threeCx', (s) => s.pages))),
				baseline: `raw ${median(of('raw', (s) => s.pages))}`,
			},
			{
				figure: `Return All ${ROWS / 1000}k rows, ${LATENCY_MS} ms a request: peak RSS (growth)`,
				value: `${formatBytes(median(of('threeCx', (s) => s.peakRss)))} (+${formatBytes(median(of('threeCx', (s) => s.peakRss - s.rssBefore)))})`,
				baseline: `raw ${formatBytes(median(of('raw', (s) => s.peakRss)))}`,
			},
		],
		data: { rows: ROWS, latencyMs: LATENCY_MS, samples },
	};
}

module.exports = { run };
