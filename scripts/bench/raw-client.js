'use strict';
// The raw-client baseline: the same XAPI calls with nothing but Node's http
// module (keep-alive agent, JSON.parse of every answer), in a fresh process.
//   node raw-client.js items  <pbxUrl> <clientId> <secret> <count>   1 GET /Users(id) per item, all in flight at once
//   node raw-client.js paging <pbxUrl> <clientId> <secret> <rows>    $top/$skip pages of CallHistoryView
const start = process.hrtime.bigint();
const http = require('http');
const { reportFromChild, elapsedMs, peakRssBytes } = require('./common');
const { PAGE_SIZE, USER_IDS, WARM_UP_ROWS } = require('./workload');

const [mode, pbxUrl, clientId, secret, size] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });

function request(method, url, headers, body) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				if (res.statusCode >= 400) reject(new Error(`${method} ${url}: HTTP ${res.statusCode}`));
				else resolve(JSON.parse(text));
			});
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function mintToken() {
	const form = new URLSearchParams({ client_id: clientId, client_secret: secret, grant_type: 'client_credentials' }).toString();
	const { access_token: token } = await request('POST', `${pbxUrl}/connect/token`, { 'content-type': 'application/x-www-form-urlencoded' }, form);
	return { authorization: `Bearer ${token}`, accept: 'application/json' };
}

async function items(headers, count) {
	const began = process.hrtime.bigint();
	const answers = await Promise.all(
		Array.from({ length: count }, (_, i) => request('GET', `${pbxUrl}/xapi/v1/Users(${USER_IDS[i % USER_IDS.length]})`, headers)),
	);
	return { ms: elapsedMs(began), items: answers.length };
}

/** Pages like the node: up to `limit` rows or until a page comes back short (the row count is not known up front). */
async function readPages(headers, limit) {
	const collected = [];
	for (let skip = 0; collected.length < limit; skip += PAGE_SIZE) {
		const top = Math.min(PAGE_SIZE, limit - collected.length);
		const { value } = await request('GET', `${pbxUrl}/xapi/v1/CallHistoryView?$top=${top}&$skip=${skip}`, headers);
		for (const row of value) collected.push(row);
		if (value.length < top) break;
	}
	return collected;
}

async function paging(headers, rows) {
	await readPages(headers, WARM_UP_ROWS); // as the node's run: warm first
	const rssBefore = process.memoryUsage.rss();
	const began = process.hrtime.bigint();
	const collected = await readPages(headers, Infinity);
	const ms = elapsedMs(began);
	if (collected.length !== rows) throw new Error(`raw client read ${collected.length} rows, expected ${rows}`);
	return { ms, items: collected.length, rssBefore };
}

reportFromChild(async () => {
	const bootMs = elapsedMs(start);
	const headers = await mintToken();
	const rssBefore = process.memoryUsage.rss();
	const result = mode === 'items' ? await items(headers, Number(size)) : await paging(headers, Number(size));
	return { rssBefore, ...result, bootMs, peakRss: peakRssBytes() };
});
