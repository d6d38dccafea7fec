'use strict';
// One Return All of CallHistoryView through the built 3CX node on n8n-core's
// WorkflowExecute, in a fresh process so that its peak RSS is its own; or, with
// `helperPaging`, the same pages through n8n's request helper and no 3CX code.
//   node paging-child.js <pbxUrl> <expectedRows> [threeCx|helperPaging]
const { reportFromChild, elapsedMs, peakRssBytes } = require('./common');
const { runThreeCx, BenchCredentials } = require('./engine');
const { credentialData, WARM_UP_ROWS } = require('./workload');

const parameters = { resource: 'callHistoryView', operation: 'listCallHistoryView' };

function currentRssBytes() {
	return process.memoryUsage.rss();
}

reportFromChild(async () => {
	const [pbxUrl, expectedRows, node = 'threeCx'] = process.argv.slice(2);
	const credentials = new BenchCredentials(credentialData(pbxUrl));
	// n8n is a long-running server: warm the engine (and mint the token) with two pages first.
	await runThreeCx({ ...parameters, returnAll: false, limit: WARM_UP_ROWS }, { credentials });
	const rssBefore = currentRssBytes();
	const began = process.hrtime.bigint();
	const { items, error } = await runThreeCx({ ...parameters, returnAll: true }, { credentials, node });
	const ms = elapsedMs(began);
	if (error) throw new Error(`Return All failed: ${error.message}`);
	if (items.length !== Number(expectedRows)) throw new Error(`Return All gave ${items.length} rows, expected ${expectedRows}`);
	return { ms, items: items.length, rssBefore, peakRss: peakRssBytes() };
});
