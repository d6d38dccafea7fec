// The packaged node inside real n8n 2.41.1: workflows stored and run as manual executions (as the
// editor runs them) against the fake PBX, asserting what n8n output and what the PBX received or
// changed. The seed operations, downloads and token expiry are shared with the n8n 1.x suite.
import { PAGE_SIZE } from '../../nodes/ThreeCx/odata/paging';
import {
	asServed,
	byNumber,
	CALL_HISTORY_ROWS,
	expectEveryCallHistoryRowOnce,
	nodeError,
	nodeJson,
	PAGE_REQUESTS,
	prepareSeedTests,
	returnAllCallHistory,
	seedOperationTests,
	seedWorkflows,
	startE2eEnvironment,
	threeCxWorkflow,
	type E2eEnvironment,
} from './support';

jest.setTimeout(300_000);

/** Three receptionists to create from items; the middle one takes extension 100's number. */
const receptionistItems = (numbers: string[]) => numbers.map((number) => ({ name: `Menu ${number}`, number }));
const createReceptionistFromItem = {
	resource: 'receptionists',
	operation: 'createReceptionist',
	receptionistFields: { name: '={{ $json.name }}', number: '={{ $json.number }}' },
};

/** More users than three pages of 100, the most a live PBX returns per request. */
const EXTRA_USERS = 260;

const workflows = {
	returnAll: threeCxWorkflow('e2eReturnAll', returnAllCallHistory),
	allUsers: threeCxWorkflow('e2eAllUsers', { resource: 'users', operation: 'listUser', returnAll: true, options: { select: 'Id,Number' } }),
	duplicateStops: threeCxWorkflow('e2eDuplicateStops', createReceptionistFromItem, { items: receptionistItems(['830', '100', '831']) }),
	duplicateContinues: threeCxWorkflow('e2eDuplicateContinues', createReceptionistFromItem, {
		items: receptionistItems(['840', '100', '841']),
		continueOnFail: true,
	}),
};

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ callHistoryRows: CALL_HISTORY_ROWS });
	await prepareSeedTests(env);
	for (let i = 0; i < EXTRA_USERS; i++) env.pbx.add('Users', { Number: String(5000 + i), FirstName: 'Staff', LastName: `Member ${i}` });
	await env.saveWorkflows(Object.values(workflows));
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

beforeEach(() => env.pbx.resetStats());

seedOperationTests(() => env);

test(`Return All pages through all ${CALL_HISTORY_ROWS} call-history rows: each exactly once, in order`, async () => {
	const run = await env.runWorkflow(workflows.returnAll);

	expectEveryCallHistoryRowOnce(env, run);
	expect(env.pbx.stats.byRoute['GET /CallHistoryView']).toBe(PAGE_REQUESTS);
	expect(env.pbx.stats.unauthorized).toBe(0);
});

test(`Return All over ${EXTRA_USERS}+ users on a PBX that refuses more than 100 rows a request: every user once, pages of 100`, async () => {
	const asked: number[] = [];
	const stopListening = env.pbx.onRequest('GET /Users', ({ query }) => asked.push(Number(query.$top)));
	try {
		const run = await env.runWorkflow(workflows.allUsers);
		const users = env.pbx.state.Users;
		expect(users.length).toBeGreaterThan(EXTRA_USERS);
		expect(nodeJson(run, '3CX').map((user) => user.Id)).toEqual(users.map((user) => user.Id));
		expect(asked.length).toBeGreaterThanOrEqual(Math.ceil(users.length / PAGE_SIZE));
		expect(asked.every((top) => top === PAGE_SIZE)).toBe(true);
	} finally {
		stopListening();
	}
});

test('`n8n execute --id` (CLI, a separate n8n process) runs the same workflow, reusing the token n8n stored', async () => {
	await env.runWorkflow(seedWorkflows.monitorStatus); // a live token, stored in n8n's database
	env.pbx.resetStats();

	const run = await env.runWorkflow(seedWorkflows.monitorStatus, { via: 'cli' });

	expect(run.mode).toBe('cli');
	expect(nodeJson(run, '3CX')).toEqual([{ DN: '101', Expiration: 1_900_000_000, '@odata.count': 1 }]);
	expect(env.pbx.stats.mints).toBe(0);
	expect(env.pbx.stats.byRoute['GET /Users/Pbx.GetMonitorStatus()']).toBe(1);
});

describe('an XAPI error (a number already in use)', () => {
	test('stops the workflow with a readable message naming the field', async () => {
		const run = await env.runFailingWorkflow(workflows.duplicateStops);

		expect(run.data.resultData.error?.message).toBe('Number: already in use');
		expect(nodeError(run, '3CX')).toMatchObject({ message: 'Number: already in use', httpCode: '400' });
		// The PBX said so (no check in the node could know), and n8n had sent every item already:
		// it sends a declarative node's items concurrently, so the others were created.
		expect(env.pbx.stats.byRoute['POST /Receptionists']).toBe(3);
		expect(byNumber(env.pbx.state.Receptionists, '830')).toMatchObject({ Name: 'Menu 830' });
		expect(byNumber(env.pbx.state.Receptionists, '831')).toMatchObject({ Name: 'Menu 831' });
		expect(byNumber(env.pbx.state.Receptionists, '100')).toBeUndefined();
		expect(env.pbx.state.Users.filter((user) => user.Number === '100')).toHaveLength(1);
	});

	test('with Continue On Fail, the other items are created and the failed one carries the message', async () => {
		const run = await env.runWorkflow(workflows.duplicateContinues);

		const output = nodeJson(run, '3CX');
		expect(output).toHaveLength(3);
		expect(output[0]).toEqual(asServed(byNumber(env.pbx.state.Receptionists, '840')!));
		expect(output[1]).toEqual({ error: 'Number: already in use' });
		expect(output[2]).toEqual(asServed(byNumber(env.pbx.state.Receptionists, '841')!));
		expect(byNumber(env.pbx.state.Receptionists, '840')).toMatchObject({ Name: 'Menu 840' });
		expect(byNumber(env.pbx.state.Receptionists, '841')).toMatchObject({ Name: 'Menu 841' });
		expect(env.pbx.stats.byRoute['POST /Receptionists']).toBe(3);
	});
});
