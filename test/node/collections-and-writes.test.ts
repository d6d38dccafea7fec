import nock from 'nock';
import { runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const users = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Id: from + i }));

test('Return All pages with $top/$skip at 100 rows until a short page, one item per entity, no duplicates', async () => {
	const pbx = fakePbx();
	const asked: string[] = [];
	pbx.scope
		.get('/xapi/v1/Users')
		.query((q) => q.$filter === 'Require2FA eq false')
		.times(15)
		.reply(200, (uri) => {
			const query = new URL(uri, 'http://pbx').searchParams;
			const [top, skip] = [Number(query.get('$top')), Number(query.get('$skip'))];
			asked.push(`${skip}+${top}`);
			return { value: users(skip, Math.max(0, Math.min(top, 1120 - skip))) };
		});
	const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true, options: { filter: 'Require2FA eq false' } });
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.Id)).toEqual(users(0, 1120).map((u) => u.Id));
	// Pages of 100 from 0 to the short page at 1100; pages already in flight past it add nothing.
	expect(asked.every((page) => page.endsWith('+100'))).toBe(true);
	expect(asked.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `${i * 100}+100`));
});

test('Limit asks for just that many', async () => {
	const pbx = fakePbx();
	pbx.scope.get('/xapi/v1/Users').query({ $top: '30', $skip: '0' }).reply(200, { value: users(0, 30) });
	const { items } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: false, limit: 30 });
	expect(pbx.scope.isDone()).toBe(true);
	expect(items).toHaveLength(30);
});

describe('more items than n8n can pass on for one input item', () => {
	test('Return All stops after 100,000 items with an error that says how to narrow the rows', async () => {
		const pbx = fakePbx();
		let pages = 0;
		pbx.scope
			.get('/xapi/v1/Users')
			.query(true)
			.times(1001)
			.reply(200, (uri) => {
				pages += 1;
				const query = new URL(uri, 'http://pbx').searchParams;
				return { value: users(Number(query.get('$skip')), Number(query.get('$top'))) };
			});
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Return All stops at 100,000 items: 3CX has more');
		expect(error?.description).toMatch(/Options › Filter.*Limit and Options › Skip/);
		// 1,000 full pages, then one row that shows there is more; pages in flight never ask past that.
		expect(pages).toBe(1001);
	});

	test('a Limit above 100,000 is refused before anything is sent', async () => {
		const pbx = fakePbx();
		const { error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: false, limit: 100_001 });
		expect(error?.message).toBe('Limit must be at most 100,000');
		expect(pbx.xapi('/Users')).toHaveLength(0);
	});
});

test('Delete outputs { deleted: true }, with If-Match when given', async () => {
	const pbx = fakePbx();
	pbx.scope.delete('/xapi/v1/Users(7)').matchHeader('If-Match', 'W/"3"').reply(204);
	const { items } = await runThreeCx({ resource: 'users', operation: 'deleteUser', userId: 7, ifMatchOptions: { ifMatch: 'W/"3"' } });
	expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
});

test('an action without a result outputs { success: true } and sends its parameters', async () => {
	const pbx = fakePbx();
	pbx.scope.post('/xapi/v1/Users(5)/Pbx.SetMonitorStatus', { days: 3 }).reply(204);
	const { items } = await runThreeCx({ resource: 'users', operation: 'setMonitorStatus', userId: 5, days: 3 });
	expect(pbx.scope.isDone()).toBe(true);
	expect(items.map((i) => i.json)).toEqual([{ success: true }]);
});

test('an update sends only the fields set, even when the collection holds values of another operation', async () => {
	const pbx = fakePbx();
	pbx.scope.patch('/xapi/v1/Users(5)', (body) => JSON.stringify(body) === '{"FirstName":"Ann"}').reply(204);
	pbx.scope.get('/xapi/v1/Users(5)').reply(200, { Id: 5, FirstName: 'Ann' });
	const { items, error } = await runThreeCx({ resource: 'users', operation: 'updateUser', userId: 5, userFields: { firstName: 'Ann', notAUserField: 'left over' } });
	expect(error).toBeUndefined();
	expect(items[0].json).toEqual({ Id: 5, FirstName: 'Ann' });
});

describe('Options › Count', () => {
	const listUsers = (extra: object) => ({ resource: 'users', operation: 'listUser', ...extra });

	test.each([
		['Return All', { returnAll: true }],
		['a Limit', { returnAll: false, limit: 10 }],
	])('no rows with Count on: one item with the count, so a workflow can react (%s)', async (_name, paging) => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$count === 'true').reply(200, { '@odata.count': 0, value: [] });
		const { items, error } = await runThreeCx(listUsers({ ...paging, options: { count: true, filter: "FirstName eq 'Nobody'" } }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ '@odata.count': 0 }]);
	});

	test('no rows with Count off: no items', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$count === undefined).reply(200, { value: [] });
		const { items } = await runThreeCx(listUsers({ returnAll: true }));
		expect(items).toEqual([]);
	});

	test('rows with Count on each carry the count; an empty last page adds nothing', async () => {
		const pbx = fakePbx();
		pbx.scope
			.get('/xapi/v1/Users')
			.query(true)
			.times(8)
			.reply(200, (uri) => {
				const skip = Number(new URL(uri, 'http://pbx').searchParams.get('$skip'));
				return { '@odata.count': 200, value: skip < 200 ? users(skip, 100) : [] };
			});
		const { items } = await runThreeCx(listUsers({ returnAll: true, options: { count: true } }));
		expect(items).toHaveLength(200);
		expect(items.every((i) => i.json['@odata.count'] === 200 && typeof i.json.Id === 'number')).toBe(true);
	});
});
