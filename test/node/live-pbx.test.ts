// What live 3CX PBXs do that the spec does not say (test/fake-pbx/README.md has the table), and
// how the node copes: workflows on n8n-core's engine, the PBX answered by nock as a live one does.
import nock from 'nock';
import { callListSearch } from '../helpers/listSearch';
import { credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const rows = (from: number, n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => ({ Id: from + i }));

function topRefused(limit: number, asked: number) {
	return {
		error: {
			code: '',
			message: `The query specified in the URI is not valid. The limit of '${limit}' for Top query has been exceeded. The value from the incoming request is '${asked}'.`,
		},
	};
}

/** An entity set of `total` rows on a PBX that refuses a $top above `limit`, as live PBXs do. */
function liveUsers(pbx: ReturnType<typeof fakePbx>, total: number, limit = 100, path = '/xapi/v1/Users') {
	const asked: Array<{ top: number; skip: number }> = [];
	pbx.scope
		.get(path)
		.query(true)
		.times(1000)
		.reply((uri) => {
			const query = new URL(uri, 'http://pbx').searchParams;
			const top = Number(query.get('$top'));
			const skip = Number(query.get('$skip') ?? 0);
			asked.push({ top, skip });
			if (top > limit) return [400, topRefused(limit, top)];
			return [200, { value: rows(skip, Math.min(top, total - skip)) }];
		});
	return asked;
}

describe('$top: live PBXs refuse more than 100 rows per request on entity sets', () => {
	test('Return All over 250 users pages at 100 and gets every user once, in order', async () => {
		const pbx = fakePbx();
		const asked = liveUsers(pbx, 250);
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.Id)).toEqual(rows(0, 250).map((r) => r.Id));
		expect(asked.every(({ top }) => top <= 100)).toBe(true);
	});

	test('a PBX with a lower limit: the limit is read from its refusal, the page asked again, and kept for the next run', async () => {
		const pbx = fakePbx();
		const asked = liveUsers(pbx, 120, 50);
		const first = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		expect(first.error).toBeUndefined();
		expect(first.items.map((i) => i.json.Id)).toEqual(rows(0, 120).map((r) => r.Id));
		expect(asked[0]).toEqual({ top: 100, skip: 0 });
		expect(asked.slice(1).every(({ top }) => top === 50)).toBe(true);
		asked.length = 0;
		const second = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: false, limit: 80 });
		expect(second.items).toHaveLength(80);
		expect(asked[0]).toEqual({ top: 50, skip: 0 });
		expect(asked.some(({ top }) => top > 50)).toBe(false);
	});

	test("a user's own Options › Top above the limit: an error that says the limit and points to Return All / Limit", async () => {
		const pbx = fakePbx();
		const asked = liveUsers(pbx, 250);
		const { error } = await runThreeCx({ resource: 'users', operation: 'listUser', options: { top: 500 } });
		expect(error?.message).toBe('Top: 3CX returns at most 100 rows per request, not 500');
		expect(error?.description).toMatch(/Return All or Limit/);
		expect(asked).toEqual([{ top: 500, skip: 0 }]);
	});

	test('once the limit is known, a Top above it is refused before anything is sent', async () => {
		const pbx = fakePbx();
		const asked = liveUsers(pbx, 30, 20);
		await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		asked.length = 0;
		const { error } = await runThreeCx({ resource: 'users', operation: 'listUser', options: { top: 40 } });
		expect(error?.message).toBe('Top: 3CX returns at most 20 rows per request, not 40');
		expect(error?.description).toMatch(/Nothing was sent to 3CX/);
		expect(asked).toEqual([]);
	});
});

describe('call history from 20.0.6: ReportCallLogData/Pbx.GetCallLogData', () => {
	const callLog = (extra: Record<string, unknown> = {}) => ({
		resource: 'reportCallLogData',
		operation: 'getCallLogData',
		periodFrom: '2026-11-30T00:00:00+01:00',
		periodTo: '2026-12-01T00:00:00Z',
		...extra,
	});

	test('with only a period, it sends the 11 arguments live PBXs need: all calls, whole days, UTC', async () => {
		const pbx = fakePbx();
		pbx.scope.get(/GetCallLogData/).query(true).reply(200, { value: rows(0, 3) });
		const { items, error } = await runThreeCx(callLog({ returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		const path = decodeURIComponent(pbx.xapi('')[0].path);
		expect(path).toContain(
			"GetCallLogData(periodFrom=2026-11-29T23:00:00.000Z,periodTo=2026-12-01T00:00:00.000Z,sourceType=0,sourceFilter='',destinationType=0," +
				"destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true)",
		);
		expect(path).toContain('$top=1000&$skip=0');
	});

	test('it pages before filtering: with a Filter, Return All goes on past short pages until no row is left', async () => {
		const pbx = fakePbx();
		const total = 2500;
		// No row at a page boundary matches, so a probe past a short page must not carry the filter.
		const answered = (id: number) => id % 10 === 5;
		pbx.scope
			.get(/GetCallLogData/)
			.query(true)
			.times(20)
			.reply(200, (uri) => {
				const query = new URL(uri, 'http://pbx').searchParams;
				const [top, skip] = [Number(query.get('$top')), Number(query.get('$skip'))];
				// $top/$skip first, then $filter; $count counts only the page.
				const page = rows(skip, Math.min(top, total - skip)).filter((row) => !query.get('$filter') || answered(row.Id));
				return { '@odata.count': page.length, value: page };
			});
		const { items, error } = await runThreeCx(callLog({ returnAll: true, options: { filter: 'Answered eq true', count: true } }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.Id)).toEqual(rows(0, total).filter((r) => answered(r.Id)).map((r) => r.Id));
		// 3CX counts only a page: the node counts what it read.
		expect(items.every((i) => i.json['@odata.count'] === 250)).toBe(true);
	});
});

describe('Recordings: the key path answers 404 on a live PBX', () => {
	test('Get reads one recording with $filter=Id eq N&$top=1', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Recordings').query({ $filter: 'Id eq 42', $top: '1' }).reply(200, { value: [{ Id: 42, FromDn: '100' }] });
		const { items, error } = await runThreeCx({ resource: 'recordings', operation: 'getRecording', recordingId: 42 });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ Id: 42, FromDn: '100' }]);
	});

	test('no such recording: a 404 error that says so', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Recordings').query(true).reply(200, { value: [] });
		const { error } = await runThreeCx({ resource: 'recordings', operation: 'getRecording', recordingId: 7 });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('Not found — 3CX lists no Recordings entry where Id eq 7');
	});
});

test('token lifetime: expires_in of 20.0.4–20.0.8 is minutes (60), and the node does not re-mint on it', async () => {
	const pbx = fakePbx(); // answers expires_in: 60
	pbx.scope.get('/xapi/v1/Users(1)').times(3).reply(200, { Id: 1 });
	for (let run = 0; run < 3; run++) await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 });
	expect(pbx.seen.filter((r) => r.path === '/connect/token')).toHaveLength(1);
});

test("a locator's list search on a PBX that takes fewer rows per request learns the limit and pages by it", async () => {
	const pbx = fakePbx();
	const asked = liveUsers(pbx, 30, 20);
	const first = await callListSearch({ method: 'searchUsers', credentialsHelper: credentialsHelperFor() });
	expect(first.results).toHaveLength(19);
	expect(first.paginationToken).toBe('19');
	const next = await callListSearch({ method: 'searchUsers', paginationToken: first.paginationToken, credentialsHelper: credentialsHelperFor() });
	expect(next.results).toHaveLength(11);
	expect(next.paginationToken).toBeUndefined();
	expect(asked.map(({ top }) => top)).toEqual([51, 20, 20]);
});
