import nock from 'nock';
import { runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const users = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Id: from + i }));

test('Return All pages with $top/$skip until a short page, one item per entity, no duplicates', async () => {
	const pbx = fakePbx();
	pbx.scope.get('/xapi/v1/Users').query({ $top: '500', $skip: '0', $filter: 'Require2FA eq false' }).reply(200, { value: users(0, 500) });
	pbx.scope.get('/xapi/v1/Users').query({ $top: '500', $skip: '500', $filter: 'Require2FA eq false' }).reply(200, { value: users(500, 500) });
	pbx.scope.get('/xapi/v1/Users').query({ $top: '500', $skip: '1000', $filter: 'Require2FA eq false' }).reply(200, { value: users(1000, 120) });
	const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true, options: { filter: 'Require2FA eq false' } });
	expect(error).toBeUndefined();
	expect(pbx.scope.isDone()).toBe(true);
	expect(items).toHaveLength(1120);
	expect(new Set(items.map((i) => i.json.Id)).size).toBe(1120);
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
			.times(250)
			.reply(200, (uri) => {
				pages += 1;
				const skip = Number(new URL(uri, 'http://pbx').searchParams.get('$skip'));
				return { value: users(skip, 500) };
			});
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Return All stops at 100,000 items: 3CX has more');
		expect(error?.description).toMatch(/Options › Filter.*Limit and Options › Skip/);
		// 200 full pages, then one that shows there is more.
		expect(pages).toBe(201);
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
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '0').reply(200, { '@odata.count': 500, value: users(0, 500) });
		pbx.scope.get('/xapi/v1/Users').query((q) => q.$skip === '500').reply(200, { '@odata.count': 500, value: [] });
		const { items } = await runThreeCx(listUsers({ returnAll: true, options: { count: true } }));
		expect(items).toHaveLength(500);
		expect(items.every((i) => i.json['@odata.count'] === 500 && typeof i.json.Id === 'number')).toBe(true);
	});
});
