import nock from 'nock';
import { PBX, runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { retryTiming } from '../../nodes/shared/transport/retry';

/** The waits the node chose, recorded instead of spent; and a clock the test moves. */
let waits: number[];
let clock: number;

beforeEach(() => {
	resetPbx();
	waits = [];
	clock = 0;
	jest.spyOn(retryTiming, 'sleep').mockImplementation(async (ms) => {
		waits.push(ms);
		clock += ms;
	});
	jest.spyOn(retryTiming, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => nock.restore());

const getUser = { resource: 'users', operation: 'getUser', userId: 1 };

describe('reads are retried while 3CX is busy', () => {
	test('a 503 with Retry-After: 2 is retried after 2 s', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').reply(503, '', { 'Retry-After': '2' });
		pbx.scope.get('/xapi/v1/Users(1)').reply(200, { Id: 1 });
		const { items, error } = await runThreeCx(getUser);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ Id: 1 });
		expect(waits).toEqual([2000]);
		expect(pbx.xapi('/Users(1)')).toHaveLength(2);
	});

	test('a 429 with an HTTP-date waits until that date, counted from the answer’s Date', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').reply(429, '', { 'Retry-After': 'Tue, 03 Jun 2025 10:00:07 GMT', Date: 'Tue, 03 Jun 2025 10:00:00 GMT' });
		pbx.scope.get('/xapi/v1/Users(1)').reply(200, { Id: 1 });
		const { error } = await runThreeCx(getUser);
		expect(error).toBeUndefined();
		expect(waits).toEqual([7000]);
	});

	test('without Retry-After, a growing backoff; at most 3 tries', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').times(5).reply(502, '');
		const { error } = await runThreeCx(getUser);
		expect(error?.message).toBe('3CX failed with HTTP 502');
		expect(error?.httpCode).toBe('502');
		expect(waits).toEqual([500, 1000]);
		expect(pbx.xapi('/Users(1)')).toHaveLength(3);
	});

	test('a Retry-After beyond the 30 s budget: no wait, one request, and the message says what 3CX asked', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').times(3).reply(503, '', { 'Retry-After': '120' });
		const { error } = await runThreeCx(getUser, { continueOnFail: true }).then((r) => ({ error: r.items[0].error }));
		expect(error?.message).toBe('3CX failed with HTTP 503 — 3CX asked to retry after 120 s');
		expect(waits).toEqual([]);
		expect(pbx.xapi('/Users(1)')).toHaveLength(1);
	});

	test('slow tries count against the budget: after 25 s of trying, a 10 s Retry-After is not waited for', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').reply(function () {
			clock += 25_000; // the try itself took 25 s
			return [503, '', { 'Retry-After': '10' }];
		});
		pbx.scope.get('/xapi/v1/Users(1)').reply(200, { Id: 1 });
		const { error } = await runThreeCx(getUser);
		expect(error?.message).toBe('3CX failed with HTTP 503 — 3CX asked to retry after 10 s');
		expect(waits).toEqual([]);
		expect(pbx.xapi('/Users(1)')).toHaveLength(1);
	});

	test('a page of Return All is retried in place', async () => {
		const pbx = fakePbx();
		const rows = (from: number, n: number) => ({ value: Array.from({ length: n }, (_, i) => ({ Id: from + i })) });
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '0').reply(200, rows(0, 100));
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '100').reply(503, '', { 'Retry-After': '1' });
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '100').reply(200, rows(100, 100));
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '200').reply(200, rows(200, 3));
		pbx.scope.get('/xapi/v1/Users').query((q) => Number(q.$skip) > 200).times(2).reply(200, rows(0, 0));
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		expect(error).toBeUndefined();
		// The failed page comes back in its place among pages in flight: no row lost or repeated.
		expect(items.map((i) => i.json.Id)).toEqual(Array.from({ length: 203 }, (_, i) => i));
		expect(waits).toEqual([1000]);
	});
});

test.each([
	['POST', 'createUser', {}],
	['PATCH', 'updateUser', { userId: 1 }],
	['DELETE', 'deleteUser', { userId: 1 }],
])('%s is never retried', async (method, operation, extra) => {
	const pbx = fakePbx();
	const path = method === 'POST' ? '/xapi/v1/Users' : '/xapi/v1/Users(1)';
	pbx.scope.intercept(path, method).times(3).reply(503, '', { 'Retry-After': '0' });
	const { error } = await runThreeCx({ resource: 'users', operation, ...extra });
	expect(error?.httpCode).toBe('503');
	expect(pbx.xapi('').filter((r) => r.method === method)).toHaveLength(1);
	expect(waits).toEqual([]);
});

describe('the token mint is retried too: a failed mint issues no token', () => {
	function tokenEndpoint(...answers: Array<[number, object | string, Record<string, string>?]>): () => number {
		let mints = 0;
		const scope = nock(PBX);
		for (const [status, body, headers] of answers) scope.post('/connect/token').reply(() => (mints++, [status, body, headers ?? {}]));
		return () => mints;
	}

	test('a busy token endpoint is asked again after its Retry-After', async () => {
		const mints = tokenEndpoint([503, '', { 'Retry-After': '3' }], [200, { access_token: 'tok-after-retry' }]);
		nock(PBX).get('/xapi/v1/Users(1)').matchHeader('Authorization', 'Bearer tok-after-retry').reply(200, { Id: 1 });
		const { items, error } = await runThreeCx(getUser);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ Id: 1 });
		expect(mints()).toBe(2);
		expect(waits).toEqual([3000]);
	});

	test('at most 3 mints', async () => {
		const mints = tokenEndpoint([429, ''], [429, ''], [429, ''], [200, { access_token: 'never' }]);
		const { error } = await runThreeCx(getUser);
		expect(error?.message).toBe(`3CX's token endpoint ${PBX}/connect/token answered HTTP 429`);
		expect(mints()).toBe(3);
	});

	test('a Retry-After beyond the budget gives up at once, saying so', async () => {
		const mints = tokenEndpoint([503, '', { 'Retry-After': '600' }], [200, { access_token: 'never' }]);
		const { error } = await runThreeCx(getUser);
		expect(error?.message).toBe(`3CX's token endpoint ${PBX}/connect/token answered HTTP 503 — 3CX asked to retry after 600 s`);
		expect(mints()).toBe(1);
		expect(waits).toEqual([]);
	});

	test('a rejected credential is not retried', async () => {
		const mints = tokenEndpoint([400, { error: 'invalid_client' }], [200, { access_token: 'never' }]);
		const { error } = await runThreeCx(getUser);
		expect(error?.message).toMatch(/^3CX rejected the credential/);
		expect(mints()).toBe(1);
	});
});
