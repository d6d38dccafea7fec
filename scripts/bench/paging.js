'use strict';
// Figure 3: Return All over 10k / 50k / 100k call-history records. Each
// measurement is a fresh process (Node 20): the 3CX node on n8n-core's
// WorkflowExecute (paging-child.js), the same pages through n8n's request helper
// with no 3CX code (paging-child.js helperPaging: the floor for any node using
// n8n's helpers), or the raw client paging the same data with the same page size
// (raw-client.js). Wall time, peak RSS (VmHWM) and the RSS growth during the
// run; growth per row must not rise with size (linear).
const { startFakePbx } = require('../../test/fake-pbx');
const { median, withSpread, formatMs, formatBytes, formatRatio, runChild, log } = require('./common');
const { PAGE_SIZE, PBX_CLIENT } = require('./workload');

const SIZES = [10_000, 50_000, 100_000];
const GOAL_RATIO = 1.3;
/** Per-row cost at a larger size may exceed the smallest size's by this much and still count as linear. */
const LINEAR_TOLERANCE = 1.25;

const PAGED_ROUTE = 'GET /CallHistoryView';

/**
 * Runs each variant `runs` times over a fake PBX of `rows` records that answers every request
 * after `latencyMs`; each sample also says how many pages that run asked for (warm-up included).
 */
async function measureSize(rows, runs, { latencyMs = 0, variants = ['threeCx', 'helperPaging', 'raw'] } = {}) {
	const pbx = await startFakePbx({ port: 0, ...PBX_CLIENT, callHistoryRows: rows, seed: 1, latencyMs });
	try {
		const samples = Object.fromEntries(variants.map((key) => [key, []]));
		const measure = {
			threeCx: () => runChild('paging-child.js', [pbx.url, rows, 'threeCx']),
			helperPaging: () => runChild('paging-child.js', [pbx.url, rows, 'helperPaging']),
			raw: () => runChild('raw-client.js', ['paging', pbx.url, PBX_CLIENT.clientId, PBX_CLIENT.clientSecret, rows]),
		};
		for (let i = 0; i < runs; i++) {
			// Rotate the order so that no variant always runs first (or right after another).
			const order = variants.map((_, k) => variants[(i + k) % variants.length]);
			for (const key of order) {
				pbx.resetStats();
				const sample = await measure[key]();
				samples[key].push({ ...sample, pages: pbx.stats.byRoute[PAGED_ROUTE] ?? 0 });
			}
			const said = variants.map((key) => `${key} ${formatMs(samples[key][i].ms)} (${samples[key][i].pages} pages)`);
			log(`paging ${rows} rows${latencyMs ? ` at ${latencyMs} ms a request` : ''}, run ${i + 1}: ${said.join(', ')}`);
		}
		return samples;
	} finally {
		await pbx.stop();
	}
}

function summarize(rows, samples) {
	const of = (key, pick) => samples[key].map(pick);
	const growth = (sample) => sample.peakRss - sample.rssBefore;
	return {
		rows,
		ms: median(of('threeCx', (s) => s.ms)),
		msAll: of('threeCx', (s) => s.ms),
		rawMs: median(of('raw', (s) => s.ms)),
		rawMsAll: of('raw', (s) => s.ms),
		ratio: median(samples.threeCx.map((s, i) => s.ms / samples.raw[i].ms)),
		helperMs: median(of('helperPaging', (s) => s.ms)),
		helperMsAll: of('helperPaging', (s) => s.ms),
		helperRatio: median(samples.helperPaging.map((s, i) => s.ms / samples.raw[i].ms)),
		overHelperRatio: median(samples.threeCx.map((s, i) => s.ms / samples.helperPaging[i].ms)),
		pages: median(of('threeCx', (s) => s.pages)),
		rawPages: median(of('raw', (s) => s.pages)),
		peakRss: median(of('threeCx', (s) => s.peakRss)),
		rssGrowth: median(of('threeCx', growth)),
		rawPeakRss: median(of('raw', (s) => s.peakRss)),
		rawRssGrowth: median(of('raw', growth)),
	};
}

/** Largest per-row cost across sizes relative to the smallest size's. */
function growthFactor(perSize, pick) {
	const perRow = perSize.map((s) => pick(s) / s.rows);
	return Math.max(...perRow) / perRow[0];
}

function rowsFor(perSize) {
	const rows = perSize.map((s) => ({
		figure: `Return All ${s.rows / 1000}k rows: wall time`,
		value: withSpread(formatMs(s.ms), s.msAll),
		baseline: `raw ${withSpread(formatMs(s.rawMs), s.rawMsAll)}`,
		ratio: formatRatio(s.ratio),
		goal: `≤ ${GOAL_RATIO}× raw`,
		met: s.ratio <= GOAL_RATIO,
	}));
	for (const s of perSize) {
		rows.push(
			{
				figure: `Return All ${s.rows / 1000}k rows: n8n's request helper alone`,
				value: withSpread(formatMs(s.helperMs), s.helperMsAll),
				baseline: `raw ${formatMs(s.rawMs)}`,
				ratio: formatRatio(s.helperRatio),
				goal: 'floor (no 3CX code)',
			},
			{
				figure: `Return All ${s.rows / 1000}k rows: 3CX over the helper alone`,
				value: formatMs(s.ms),
				baseline: `helper ${formatMs(s.helperMs)}`,
				ratio: formatRatio(s.overHelperRatio),
				goal: 'the node’s own cost',
			},
		);
	}
	for (const s of perSize) {
		rows.push({
			figure: `Return All ${s.rows / 1000}k rows: pages per run (${PAGE_SIZE} rows a page, 2 of them warm-up)`,
			value: String(s.pages),
			baseline: `raw ${s.rawPages}`,
		});
	}
	for (const s of perSize) {
		rows.push({
			figure: `Return All ${s.rows / 1000}k rows: peak RSS (growth)`,
			value: `${formatBytes(s.peakRss)} (+${formatBytes(s.rssGrowth)})`,
			baseline: `raw ${formatBytes(s.rawPeakRss)} (+${formatBytes(s.rawRssGrowth)})`,
			ratio: formatRatio(s.rssGrowth / s.rawRssGrowth),
		});
	}
	const timeGrowth = growthFactor(perSize, (s) => s.ms);
	const memoryGrowth = growthFactor(perSize, (s) => s.rssGrowth);
	const perRow = (pick, format) => perSize.map((s) => format(pick(s) / s.rows)).join(' / ');
	rows.push(
		{
			figure: `time per row at ${perSize.map((s) => `${s.rows / 1000}k`).join(' / ')}`,
			value: perRow((s) => s.ms * 1000, (us) => `${us.toFixed(1)} µs`),
			baseline: `raw ${perRow((s) => s.rawMs * 1000, (us) => `${us.toFixed(1)} µs`)}`,
			ratio: formatRatio(timeGrowth),
			goal: `linear (max/first ≤ ${LINEAR_TOLERANCE})`,
			met: timeGrowth <= LINEAR_TOLERANCE,
		},
		{
			figure: `RSS growth per row at ${perSize.map((s) => `${s.rows / 1000}k`).join(' / ')}`,
			value: perRow((s) => s.rssGrowth, (bytes) => `${(bytes / 1024).toFixed(2)} KB`),
			baseline: `raw ${perRow((s) => s.rawRssGrowth, (bytes) => `${(bytes / 1024).toFixed(2)} KB`)}`,
			ratio: formatRatio(memoryGrowth),
			goal: `linear (max/first ≤ ${LINEAR_TOLERANCE})`,
			met: memoryGrowth <= LINEAR_TOLERANCE,
		},
	);
	return rows;
}

async function run({ runs }) {
	log(`paging: Return All over ${SIZES.join(' / ')} rows, ${runs} runs each of 3CX and raw client (fresh process each)`);
	const perSize = [];
	const raw = {};
	for (const rows of SIZES) {
		const samples = await measureSize(rows, runs);
		raw[rows] = samples;
		perSize.push(summarize(rows, samples));
	}
	return {
		title: 'Return All paging (CallHistoryView, n8n-core WorkflowExecute in a fresh Node 20 process per run)',
		rows: rowsFor(perSize),
		data: { sizes: SIZES, perSize, samples: raw },
	};
}

module.exports = { run, measureSize };
