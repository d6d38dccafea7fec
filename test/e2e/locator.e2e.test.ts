// Resource locators inside real n8n 2.41.1: a workflow whose keys were picked "From List" and
// given "By Number" runs, and n8n's own editor endpoint for list searches answers from the PBX.
import { credentialTestTests, nodeJson, startE2eEnvironment, threeCxNode, threeCxWorkflow, THREE_CX_NODE_TYPE, type E2eEnvironment } from './support';

jest.setTimeout(300_000);

/** The REST route the editor calls for a "From List" mode (n8n 2.41: DynamicNodeParametersController). */
const LIST_SEARCH_ROUTE = '/rest/dynamic-node-parameters/resource-locator-results';

interface ListSearchPage {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ server: true, callHistoryRows: 100 });
	// More users than one page of the editor's list holds.
	for (let i = 0; i < 12; i++) env.pbx.add('Users', { Number: String(400 + i), FirstName: 'Paged', LastName: `User ${i}` });
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

test('a workflow with a queue chosen From List and a user given By Number runs in real n8n', async () => {
	const queue = env.pbx.state.Queues[1];
	const user = env.pbx.state.Users.find((u) => u.Number === '102')!;
	const workflow = threeCxWorkflow(
		'e2eLocatorModes',
		// As the editor saves a pick from the list: the Id, with the entry's name cached for display.
		{ resource: 'queues', operation: 'getQueue', queueId: { __rl: true, mode: 'list', value: String(queue.Id), cachedResultName: `${queue.Number} — ${queue.Name}` } },
		{ then: [threeCxNode({ resource: 'users', operation: 'getUser', userId: { __rl: true, mode: 'number', value: '102' } }, { name: '3CX by number' })] },
	);
	const run = await env.runWorkflow(workflow);
	expect(nodeJson(run, '3CX')).toEqual([expect.objectContaining({ Id: queue.Id, Number: queue.Number, Name: queue.Name })]);
	expect(nodeJson(run, '3CX by number')).toEqual([expect.objectContaining({ Id: user.Id, Number: '102', FirstName: user.FirstName })]);
	expect(env.pbx.stats.byRoute).toMatchObject({ 'GET /Queues({Id})': 1, 'GET /Users(Number={Number})': 1 });
});

test('n8n’s resource-locator endpoint pages and searches the PBX through the node’s listSearch methods', async () => {
	const request = (methodName: string, extra: { filter?: string; paginationToken?: string } = {}) =>
		env.api!.post<ListSearchPage>(LIST_SEARCH_ROUTE, {
			path: 'parameters.userId',
			nodeTypeAndVersion: { name: THREE_CX_NODE_TYPE, version: 1 },
			currentNodeParameters: { resource: 'users', operation: 'getUser', userId: { __rl: true, mode: 'list', value: '' } },
			methodName,
			credentials: { threeCxApi: env.credential },
			...extra,
		});

	const first = await request('searchUsers');
	expect(first.results).toHaveLength(50);
	const alice = env.pbx.state.Users.find((u) => u.Number === '100')!;
	expect(first.results[0]).toEqual({ name: `100 — ${alice.FirstName} ${alice.LastName}`, value: String(alice.Id) });
	expect(first.paginationToken).toBe('50');

	const second = await request('searchUsers', { paginationToken: first.paginationToken });
	expect(second.results.length).toBe(env.pbx.state.Users.length - 50);
	expect(second.paginationToken).toBeUndefined();

	const support = env.pbx.state.Queues.find((q) => q.Name === 'Support Queue')!;
	expect((await request('searchQueues', { filter: 'SUPPORT' })).results).toEqual([{ name: `${support.Number} — Support Queue`, value: String(support.Id) }]);
});

credentialTestTests(() => env);
