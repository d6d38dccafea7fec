// The packaged node inside real n8n 2.41.1: workflows stored and run as manual executions (as the
// editor runs them) against the fake PBX, asserting what n8n output and what the PBX received or
// changed.
import { PAGE_SIZE, PAGES_IN_FLIGHT } from '../../nodes/ThreeCx/odata/paging';
import type { WorkflowRun } from '../../scripts/n8n';
import type { PbxRecord } from '../fake-pbx';
import { nodeError, nodeItems, nodeJson, startE2eEnvironment, threeCxWorkflow, type E2eEnvironment, type WorkflowNode } from './support';

jest.setTimeout(300_000);

const CALL_HISTORY_ROWS = 6000;
/** Full pages, then one that comes back empty, and the pages already in flight past it. */
const PAGE_REQUESTS = Math.floor(CALL_HISTORY_ROWS / PAGE_SIZE) + 1 + (PAGES_IN_FLIGHT - 1);
/** More users than three pages of 100, the most a live PBX returns per request. */
const EXTRA_USERS = 260;

/** n8n's Extract From File node: the CSV in binary property `data` → one item per row. */
const extractCsv: WorkflowNode = {
	name: 'Extract CSV',
	type: 'n8n-nodes-base.extractFromFile',
	typeVersion: 1,
	parameters: { operation: 'csv', binaryPropertyName: 'data', options: {} },
};

const notificationFields = {
	emailAddresses: 'ops@example.com,admin@example.com',
	notifyExtensionAdded: true,
	notifyCodes: '["StorageLimit","TrunkError"]',
	recordingsQuotaPercentage: 75,
};
const callFlowGroups = [{ GroupId: 2, Rights: { RoleName: 'users' } }];
const returnAllCallHistory = { resource: 'callHistoryView', operation: 'listCallHistoryView', returnAll: true };
/** Three receptionists to create from items; the middle one takes extension 100's number. */
const receptionistItems = (numbers: string[]) => numbers.map((number) => ({ name: `Menu ${number}`, number }));
const createReceptionistFromItem = {
	resource: 'receptionists',
	operation: 'createReceptionist',
	receptionistFields: { name: '={{ $json.name }}', number: '={{ $json.number }}' },
};

/** Update Call Flow App with the Id taken from the incoming item, as in the seed's example. */
function callFlowAppWorkflow(appId: number) {
	return threeCxWorkflow(
		'e2eCallFlowApp',
		{
			resource: 'callFlowApps',
			operation: 'updateCallFlowApp',
			// As the editor saves "By ID" with an expression.
			callFlowAppId: { __rl: true, mode: 'id', value: '={{ $json.Id }}' },
			callFlowAppFields: { name: 'CRM Lookup v2', routingType: 'Trunk', transcriptionMode: 'Voicemail', groups: JSON.stringify(callFlowGroups), scriptCode: 'return "sales";' },
		},
		{ items: [{ Id: appId }] },
	);
}

const workflows = {
	notificationSettings: threeCxWorkflow('e2eNotifySettings', { resource: 'notificationSettings', operation: 'updateNotificationSettings', notificationSettingsFields: notificationFields }),
	createReceptionist: threeCxWorkflow('e2eCreateReceptionist', {
		resource: 'receptionists',
		operation: 'createReceptionist',
		receptionistFields: {
			name: 'Support menu',
			number: '820',
			ivrType: 'CodeBased',
			timeout: 15,
			timeoutForwardType: 'VoiceMail',
			transcriptionMode: 'Inherit',
			forwards: '[{"Input":"1","ForwardType":"Extension","ForwardDN":"100"}]',
		},
	}),
	monitorStatus: threeCxWorkflow('e2eMonitorStatus', { resource: 'users', operation: 'getMonitorStatus', searchOptions: { filter: 'DN eq \'101\'', count: true } }),
	chatHistory: threeCxWorkflow(
		'e2eChatHistory',
		{
			resource: 'chatHistoryView',
			operation: 'downloadChatHistory',
			clientTimeZone: 'Europe/Berlin',
			options: { filter: 'IsExternal eq true', select: 'ConversationId,FromName,Message,TimeSent', orderby: 'TimeSent desc' },
		},
		{ then: [extractCsv] },
	),
	recording: threeCxWorkflow('e2eRecording', { resource: 'recordings', operation: 'downloadRecording', recId: 7 }),
	returnAll: threeCxWorkflow('e2eReturnAll', returnAllCallHistory),
	allUsers: threeCxWorkflow('e2eAllUsers', { resource: 'users', operation: 'listUser', returnAll: true, options: { select: 'Id,Number' } }),
	tokenExpiry: threeCxWorkflow('e2eTokenExpiry', returnAllCallHistory),
	duplicateStops: threeCxWorkflow('e2eDuplicateStops', createReceptionistFromItem, { items: receptionistItems(['830', '100', '831']) }),
	duplicateContinues: threeCxWorkflow('e2eDuplicateContinues', createReceptionistFromItem, {
		items: receptionistItems(['840', '100', '841']),
		continueOnFail: true,
	}),
};

let env: E2eEnvironment;

function crmLookupApp(): PbxRecord {
	return env.pbx.state.CallFlowApps.find((record) => record.Name === 'CRM Lookup' || record.Name === 'CRM Lookup v2')!;
}

/** A receptionist as XAPI answers it: Forwards is a navigation property, sent only with $expand. */
function asServed({ Forwards: _navigation, ...record }: PbxRecord): PbxRecord {
	return record;
}

function byNumber(set: PbxRecord[], number: string): PbxRecord | undefined {
	return set.find((record) => record.Number === number);
}

/** Every row of the PBX's call history, each once, in the PBX's order, with all its fields. */
function expectEveryCallHistoryRowOnce(run: WorkflowRun): void {
	const rows = nodeJson(run, '3CX');
	const ids = rows.map((row) => row.SegmentId);
	expect(env.pbx.state.CallHistoryView.length).toBe(CALL_HISTORY_ROWS);
	expect(rows).toHaveLength(CALL_HISTORY_ROWS);
	expect(new Set(ids).size).toBe(CALL_HISTORY_ROWS);
	expect(rows).toEqual(JSON.parse(JSON.stringify(env.pbx.state.CallHistoryView.toArray())));
}

beforeAll(async () => {
	env = await startE2eEnvironment({ callHistoryRows: CALL_HISTORY_ROWS });
	env.pbx.state.MonitorStatus.push({ DN: '101', Expiration: 1_900_000_000 });
	for (let i = 0; i < EXTRA_USERS; i++) env.pbx.add('Users', { Number: String(5000 + i), FirstName: 'Staff', LastName: `Member ${i}` });
	await env.saveWorkflows([...Object.values(workflows), callFlowAppWorkflow(crmLookupApp().Id)]);
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

beforeEach(() => env.pbx.resetStats());

describe('the five seed operations', () => {
	test('Update Notification Settings changes exactly the four fields set and outputs the settings as they now stand', async () => {
		const before = structuredClone(env.pbx.state.NotificationSettings);

		const run = await env.runWorkflow(workflows.notificationSettings);

		const expected = { ...before, EmailAddresses: 'ops@example.com,admin@example.com', NotifyExtensionAdded: true, NotifyCodes: ['StorageLimit', 'TrunkError'], RecordingsQuotaPercentage: 75 };
		expect(env.pbx.state.NotificationSettings).toEqual(expected);
		expect(nodeJson(run, '3CX')).toEqual([expected]);
		expect(env.pbx.stats.byRoute['PATCH /NotificationSettings']).toBe(1);
	});

	test('Update Call Flow App (id from an expression) merges the fields, Groups parsed from JSON, and outputs the app', async () => {
		const app = crmLookupApp();
		const before = structuredClone(app);

		const run = await env.runWorkflow(callFlowAppWorkflow(app.Id));

		const expected = { ...before, Name: 'CRM Lookup v2', RoutingType: 'Trunk', TranscriptionMode: 'Voicemail', Groups: callFlowGroups, ScriptCode: 'return "sales";' };
		expect(env.pbx.state.CallFlowApps.find((record) => record.Id === app.Id)).toEqual(expected);
		expect(nodeJson(run, '3CX')).toEqual([expected]);
		expect(env.pbx.stats.byRoute['PATCH /CallFlowApps({Id})']).toBe(1);
	});

	test('Create Receptionist creates it on the PBX with the options mapped and outputs it with its new Id', async () => {
		const run = await env.runWorkflow(workflows.createReceptionist);

		const created = byNumber(env.pbx.state.Receptionists, '820');
		expect(created).toMatchObject({
			Name: 'Support menu',
			IVRType: 'CodeBased',
			Timeout: 15,
			TimeoutForwardType: 'VoiceMail',
			TranscriptionMode: 'Inherit',
			Forwards: [{ Input: '1', ForwardType: 'Extension', ForwardDN: '100' }],
		});
		expect(nodeJson(run, '3CX')).toEqual([asServed(created!)]);
		expect(env.pbx.stats.byRoute['POST /Receptionists']).toBe(1);
	});

	test('Get Monitor Status filters on the PBX and outputs one item per entry with the count', async () => {
		expect(env.pbx.state.MonitorStatus.length).toBeGreaterThan(1);

		const run = await env.runWorkflow(workflows.monitorStatus);

		expect(nodeJson(run, '3CX')).toEqual([{ DN: '101', Expiration: 1_900_000_000, '@odata.count': 1 }]);
	});

	test('Download Chat History arrives as a CSV file (binary data) that n8n\'s Extract From File reads', async () => {
		const run = await env.runWorkflow(workflows.chatHistory);

		const [file] = nodeItems(run, '3CX');
		expect(file.json).toEqual({ fileName: 'ChatHistory.csv', mimeType: 'text/csv', fileSize: expect.any(Number) });
		expect(file.binary?.data).toMatchObject({ fileName: 'ChatHistory.csv', mimeType: 'text/csv', fileExtension: 'csv' });
		const csv = env.binaryContent(file.binary!.data).toString('utf8');
		expect(Buffer.byteLength(csv)).toBe(file.json.fileSize);

		const external = env.pbx.state.ChatHistoryView.filter((row) => row.IsExternal);
		const rows = nodeJson(run, 'Extract CSV');
		expect(rows).toHaveLength(external.length);
		expect(Object.keys(rows[0])).toEqual(['ConversationId', 'FromName', 'Message', 'TimeSent']);
		const newest = external.reduce((a, b) => (a.TimeSent > b.TimeSent ? a : b));
		// Newest first, in Berlin wall-clock time (seeded chats are in January: UTC+1).
		const berlin = new Date(Date.parse(newest.TimeSent) + 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
		expect(rows[0]).toEqual({ ConversationId: String(newest.ConversationId), FromName: newest.FromName, Message: newest.Message, TimeSent: berlin });
	});
});

test('a recording downloads as audio/x-wav binary data (as live PBXs send it) named as on the PBX', async () => {
	const recording = env.pbx.state.Recordings.find((record) => record.Id === 7)!;
	const fileName = String(recording.RecordingUrl).split('/').pop();

	const run = await env.runWorkflow(workflows.recording);

	const [file] = nodeItems(run, '3CX');
	expect(file.binary?.data).toMatchObject({ fileName, mimeType: 'audio/x-wav' });
	const wav = env.binaryContent(file.binary!.data);
	expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
	expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
	expect(file.json).toEqual({ fileName, mimeType: 'audio/x-wav', fileSize: wav.length });
});

test(`Return All pages through all ${CALL_HISTORY_ROWS} call-history rows: each exactly once, in order`, async () => {
	const run = await env.runWorkflow(workflows.returnAll);

	expectEveryCallHistoryRowOnce(run);
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

test('a token that expires mid-run is re-minted once and the run completes', async () => {
	// Start from a live stored token, so the only mint is the one the expiry forces.
	await env.runWorkflow(workflows.monitorStatus);
	env.pbx.resetStats();
	env.pbx.expireTokensAfter(5); // the 6th page request finds its token expired

	const run = await env.runWorkflow(workflows.tokenExpiry);

	expectEveryCallHistoryRowOnce(run);
	// The pages in flight when the token expired are each refused once and sent again.
	expect(env.pbx.stats.unauthorized).toBeGreaterThanOrEqual(1);
	expect(env.pbx.stats.unauthorized).toBeLessThanOrEqual(PAGES_IN_FLIGHT);
	expect(env.pbx.stats.byRoute['GET /CallHistoryView']).toBe(PAGE_REQUESTS + env.pbx.stats.unauthorized);
	expect(env.pbx.stats.mints).toBe(1);
	expect(env.pbx.stats.byRoute['POST /connect/token']).toBe(1);
});

test('`n8n execute --id` (CLI, a separate n8n process) runs the same workflow, reusing the token n8n stored', async () => {
	await env.runWorkflow(workflows.monitorStatus); // a live token, stored in n8n's database
	env.pbx.resetStats();

	const run = await env.runWorkflow(workflows.monitorStatus, { via: 'cli' });

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
