import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { startFakePbx, type FakePbx } from '../fake-pbx';
import { callListSearch } from '../helpers/listSearch';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { credentialsHelperFor, runThreeCx } from '../helpers/workflow';

/** A locator value as the editor stores it. */
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

// One fake PBX for the file; tests that need exact requests use nock instead (resetPbx turns the network off).
let pbx: FakePbx;
beforeAll(async () => {
	pbx = await startFakePbx({ port: 0, clientId: 'demo', clientSecret: 'demo-secret', seed: 6 });
	// More users than one page of the editor's list holds.
	for (let i = 0; i < 15; i++) pbx.add('Users', { Number: String(300 + i), FirstName: 'Extra', LastName: `Person ${i}` });
});
afterAll(async () => {
	await pbx.stop();
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
beforeEach(() => {
	forgetTokens();
	nock.enableNetConnect('127.0.0.1');
	pbx.resetStats();
});

describe('resource locators, run on n8n-core against the fake PBX', () => {
	const run = (parameters: INodeParameters) =>
		runThreeCx(parameters, { credentials: { url: pbx.url, clientId: 'demo', apiKey: 'demo-secret' } });
	const routes = () => Object.keys(pbx.stats.byRoute).filter((route) => !route.includes('/connect/token'));

	test.each([
		['users', 'getUser', 'userId', 'list', '3', { Id: 3 }],
		['users', 'getUser', 'userId', 'id', '4', { Id: 4 }],
		['users', 'getUser', 'userId', 'number', '101', { Number: '101' }],
		['queues', 'getQueue', 'queueId', 'number', '801', { Name: 'Support Queue' }],
		['ringGroups', 'getRingGroup', 'ringGroupId', 'number', '701', { Name: 'Warehouse' }],
		['receptionists', 'getReceptionist', 'receptionistId', 'number', '600', { Name: 'Main Menu' }],
		['trunks', 'getTrunk', 'trunkId', 'number', '10001', { Number: '10001' }],
		['parkings', 'getParking', 'parkingId', 'number', 'SP1', { Number: 'SP1' }],
		['fax', 'getFax', 'faxId', 'number', '888', { Number: '888' }],
		['groups', 'getGroup', 'groupId', 'list', '2', { Name: 'Sales' }],
		['contacts', 'getContact', 'contactId', 'id', '7', { Id: 7 }],
	])('%s › %s (%s) with the key %s %s', async (resource, operation, parameter, mode, value, expected) => {
		const { items, error } = await run({ resource, operation, [parameter]: rl(mode, value) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(expected);
		// Reading By Number uses 3CX's alternate key; the other modes the Id.
		const set = resource === 'fax' ? 'Fax' : resource[0].toUpperCase() + resource.slice(1);
		expect(routes()).toEqual([mode === 'number' ? `GET /${set}(Number={Number})` : `GET /${set}({Id})`]);
	});

	test('a Number alternate key is looked up first for an operation 3CX offers only by Id; PATCH sends only the set field', async () => {
		const user = pbx.state.Users.find((u) => u.Number === '105')!;
		const { items, error } = await run({ resource: 'users', operation: 'updateUser', userId: rl('number', '105'), userFields: { firstName: 'Renamed' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Id: user.Id, Number: '105', FirstName: 'Renamed' });
		expect(pbx.stats.byRoute).toMatchObject({ 'GET /Users': 1, 'PATCH /Users({Id})': 1 });
	});

	test('sub-resources take the locator too: a queue’s agents By Number, a group’s members From List', async () => {
		const agents = await run({ resource: 'queues', operation: 'listAgents', queueId: rl('number', '800'), returnAll: true });
		expect(agents.error).toBeUndefined();
		expect(agents.items.map((i) => i.json.Number)).toEqual(pbx.state.Queues[0].Agents.map((a: { Number: string }) => a.Number));
		const members = await run({ resource: 'groups', operation: 'listMembers', groupId: rl('list', '3'), returnAll: true });
		expect(members.error).toBeUndefined();
		expect(members.items.length).toBeGreaterThan(0);
	});

	test('a function parameter named for the entity takes the locator: a user’s greeting By Number', async () => {
		const { items, error } = await run({ resource: 'users', operation: 'downloadGreeting', userId: rl('number', '100'), fileName: 'greeting_100.wav' });
		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toBeDefined();
	});

	test('a number no entity has is a clear error, and nothing is changed', async () => {
		const { error } = await run({ resource: 'users', operation: 'deleteUser', userId: rl('number', '999') });
		expect(error?.message).toBe('No user has the number 999');
		expect(routes()).toEqual(['GET /Users']);
	});

	test('reading By Number a number no entity has says so by name', async () => {
		const { error } = await run({ resource: 'queues', operation: 'getQueue', queueId: rl('number', '899') });
		expect(error?.message).toBe('No queue has the number 899');
	});

	test('plain values of workflows made before the locator, and expressions such as $fromAI give, still work', async () => {
		const plain = await run({ resource: 'users', operation: 'getUser', userId: 5 });
		expect(plain.items[0].json).toMatchObject({ Id: 5 });
		const expression = await run({ resource: 'users', operation: 'getUser', userId: '={{ 2 + 4 }}' });
		expect(expression.items[0].json).toMatchObject({ Id: 6 });
		const inLocator = await run({ resource: 'users', operation: 'getUser', userId: rl('id', '={{ "7" }}') });
		expect(inLocator.items[0].json).toMatchObject({ Id: 7 });
	});
});

describe('bad locator input is refused before anything is sent', () => {
	beforeEach(resetPbx);

	test.each([
		['an ID that is not a whole number (expression)', rl('id', '={{ "12a" }}'), /^User ID must be a whole number, like 12, not "12a"/],
		['a list value that is not an Id', rl('list', '={{ "x" }}'), /^User ID must be a whole number/],
		['a number in the wrong format (expression)', rl('number', '={{ "1 00" }}'), /^User number must look like 100, not "1 00"/],
		['an unknown mode', rl('url', '5'), /^User has an unknown mode "url"/],
		['an empty expression result', rl('id', '={{ "" }}'), /^User is required/],
	])('%s', async (_name, id, message) => {
		const pbx = fakePbx();
		const { error } = await runThreeCx({ resource: 'users', operation: 'deleteUser', userId: id });
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Nothing was sent to 3CX');
		expect(pbx.xapi('')).toEqual([]);
	});

	test('By Number where 3CX has no number key names the field', async () => {
		const pbx = fakePbx();
		const { error } = await runThreeCx({ resource: 'callFlowApps', operation: 'deleteCallFlowApp', callFlowAppId: rl('number', '850') });
		expect(error?.message).toMatch(/^Call Flow App cannot be given By Number/);
		expect(pbx.xapi('')).toEqual([]);
	});

	test.each([
		['an ID typed in By ID that is not a whole number', rl('id', 'abc'), 'User ID must be a whole number, like 12'],
		['a number typed in By Number in the wrong format', rl('number', 'SP1'), 'User number must look like 100'],
		['no value at all', rl('list', ''), 'Parameter "User" is required'],
	])('%s: n8n shows the issue on the field and does not run the workflow', async (_name, id, message) => {
		const pbx = fakePbx();
		await expect(runThreeCx({ resource: 'users', operation: 'getUser', userId: id })).rejects.toThrow(`The '3CX' node has issues:\n- ${message}`);
		expect(pbx.xapi('')).toEqual([]);
	});
});

describe('reading By Number on a PBX older than the Number alternate key (before 20.0.8)', () => {
	beforeEach(resetPbx);

	test('the alternate key answers 404, so the number is looked up and the entity read by Id', async () => {
		const pbx = fakePbx();
		pbx.scope.get("/xapi/v1/Users(Number='100')").reply(404, { error: { code: '', message: 'No HTTP resource was found' } });
		pbx.scope.get('/xapi/v1/Users').query({ $filter: "Number eq '100'", $select: 'Id,Number', $top: '1' }).reply(200, { value: [{ Id: 42, Number: '100' }] });
		pbx.scope.get('/xapi/v1/Users(42)').reply(200, { Id: 42, Number: '100' });
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: rl('number', '100') });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ Id: 42, Number: '100' });
		expect(pbx.scope.pendingMocks()).toEqual([]);
	});
});

describe('an update By Number', () => {
	beforeEach(resetPbx);

	test('looks the Id up, then PATCHes exactly the fields the user set', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Queues').query({ $filter: "Number eq '801'", $select: 'Id,Number', $top: '1' }).reply(200, { value: [{ Id: 53, Number: '801' }] });
		pbx.scope.patch('/xapi/v1/Queues(53)').reply(204);
		pbx.scope.get('/xapi/v1/Queues(53)').reply(200, { Id: 53, Number: '801', Name: 'Renamed' });
		const { items, error } = await runThreeCx({ resource: 'queues', operation: 'updateQueue', queueId: rl('number', '801'), queueFields: { name: 'Renamed' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ Id: 53, Number: '801', Name: 'Renamed' });
		expect(pbx.xapi('').map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
		expect(pbx.xapi('/Queues(53)').find((r) => r.method === 'PATCH')?.body).toEqual({ Name: 'Renamed' });
	});
});

describe('"From List": the listSearch methods, called as n8n’s editor calls them', () => {
	const credentialsHelper = () => credentialsHelperFor({ url: pbx.url, clientId: 'demo', apiKey: 'demo-secret' });
	const search = (method: string, filter?: string, paginationToken?: string) =>
		callListSearch({ method, filter, paginationToken, credentialsHelper: credentialsHelper() });

	test('users page by 50 with a pagination token until the last page, named "Number — First Last", valued by Id', async () => {
		const first = await search('searchUsers');
		expect(first.results).toHaveLength(50);
		const u = pbx.state.Users.find((user) => user.Number === '100')!;
		expect(first.results[0]).toEqual({ name: `100 — ${u.FirstName} ${u.LastName}`, value: String(u.Id) });
		expect(first.paginationToken).toBe('50');
		const second = await search('searchUsers', undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(15);
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(all).size).toBe(65);
		expect(all.sort()).toEqual(pbx.state.Users.map((user) => String(user.Id)).sort());
	});

	test('the PBX searches: every word in one of the display fields, case-insensitive, quotes in names handled', async () => {
		const obrien = pbx.state.Users.find((user) => user.LastName === "O'Brien")!;
		const found = await search('searchUsers', `${obrien.FirstName.toUpperCase()} o'brien`);
		expect(found.results.map((r) => r.value)).toContain(String(obrien.Id));
		expect(found.results.every((r) => /o'brien/i.test(r.name as string))).toBe(true);
		const extra = await search('searchUsers', 'person 1');
		expect(extra.results.map((r) => r.name)).toEqual(['301 — Extra Person 1', '310 — Extra Person 10', '311 — Extra Person 11', '312 — Extra Person 12', '313 — Extra Person 13', '314 — Extra Person 14']);
	});

	test.each([
		['searchQueues', 'support', ['801 — Support Queue']],
		['searchRingGroups', 'ware', ['701 — Warehouse']],
		['searchReceptionists', 'menu', ['600 — Main Menu']],
		['searchCallFlowApps', 'crm', ['851 — CRM Lookup']],
		['searchTrunks', 'backup', ['10001 — Backup SIP Trunk']],
		['searchParkings', 'sp1', ['SP1']],
		['searchFax', '88', ['888']],
		['searchGroups', 'sal', ['Sales']],
	])('%s "%s"', async (method, filter, names) => {
		const { results } = await search(method, filter);
		expect(results.map((r) => r.name)).toEqual(names);
	});

	test('contacts read "First Last — Company — Phone" and are found by company', async () => {
		const contact = pbx.state.Contacts[0];
		const { results } = await search('searchContacts', contact.CompanyName);
		expect(results.length).toBeGreaterThan(0);
		expect(results.map((r) => r.name)).toContain(`${contact.FirstName} ${contact.LastName} — ${contact.CompanyName} — ${contact.PhoneNumber}`);
	});

	test('a rejected credential is a readable error without the secret', async () => {
		const helper = credentialsHelperFor({ url: pbx.url, clientId: 'demo', apiKey: 'wrong-secret' });
		const failure = await callListSearch({ method: 'searchUsers', credentialsHelper: helper }).catch((error: Error) => error);
		expect((failure as Error).message).toMatch(/3CX rejected the credential/);
		expect(JSON.stringify(failure)).not.toContain('wrong-secret');
	});
});

describe('the list search request', () => {
	beforeEach(resetPbx);

	test('asks the PBX for one page, a row more than shown, with $filter, $select and a stable $orderby', async () => {
		const pbx = fakePbx();
		pbx.scope
			.get('/xapi/v1/Trunks')
			.query({
				$select: 'Id,Number,Gateway',
				$orderby: 'Number',
				$top: '51',
				$skip: '50',
				$filter: "(contains(tolower(Number),'o''hara') or contains(tolower(Gateway/Name),'o''hara'))",
			})
			.reply(200, { value: [{ Id: 9, Number: '10009', Gateway: { Name: "O'Hara SIP" } }] });
		const { results, paginationToken } = await callListSearch({ method: 'searchTrunks', filter: " O'Hara ", paginationToken: '50', credentialsHelper: credentialsHelperFor() });
		expect(results).toEqual([{ name: "10009 — O'Hara SIP", value: '9' }]);
		expect(paginationToken).toBeUndefined();
		expect(pbx.scope.isDone()).toBe(true);
	});
});
