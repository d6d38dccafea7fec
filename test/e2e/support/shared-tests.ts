// Tests that every n8n the package supports must pass, written once: workflows.e2e.test.ts and
// locator.e2e.test.ts run them on n8n 2.x, n8n1.e2e.test.ts on n8n 1.x. Each function declares
// jest tests; `env` gives the suite's environment once beforeAll started it.
import { PAGE_SIZE, PAGES_IN_FLIGHT } from '../../../nodes/ThreeCx/odata/paging';
import type { WorkflowRun } from '../../../scripts/n8n';
import type { PbxRecord } from '../../fake-pbx';
import type { E2eEnvironment } from './environment';
import { nodeItems, nodeJson } from './runs';
import { threeCxWorkflow, type WorkflowNode } from './workflows';

/** The call history the suites start the fake PBX with: Return All pages through all of it. */
export const CALL_HISTORY_ROWS = 6000;
/** Full pages, then one that comes back empty. */
export const PAGE_REQUESTS = Math.floor(CALL_HISTORY_ROWS / PAGE_SIZE) + 1 + (PAGES_IN_FLIGHT - 1);

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
export const returnAllCallHistory = { resource: 'callHistoryView', operation: 'listCallHistoryView', returnAll: true };

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

export const seedWorkflows = {
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
	tokenExpiry: threeCxWorkflow('e2eTokenExpiry', returnAllCallHistory),
};

function crmLookupApp(env: E2eEnvironment): PbxRecord {
	return env.pbx.state.CallFlowApps.find((record) => record.Name === 'CRM Lookup' || record.Name === 'CRM Lookup v2')!;
}

/** A receptionist as XAPI answers it: Forwards is a navigation property, sent only with $expand. */
export function asServed({ Forwards: _navigation, ...record }: PbxRecord): PbxRecord {
	return record;
}

export function byNumber(set: PbxRecord[], number: string): PbxRecord | undefined {
	return set.find((record) => record.Number === number);
}

/** The PBX state the seed tests expect, and their workflows stored: call in beforeAll. */
export async function prepareSeedTests(env: E2eEnvironment): Promise<void> {
	env.pbx.state.MonitorStatus.push({ DN: '101', Expiration: 1_900_000_000 });
	await env.saveWorkflows([...Object.values(seedWorkflows), callFlowAppWorkflow(crmLookupApp(env).Id)]);
}

/** Every row of the PBX's call history, each once, in the PBX's order, with all its fields. */
export function expectEveryCallHistoryRowOnce(env: E2eEnvironment, run: WorkflowRun): void {
	const rows = nodeJson(run, '3CX');
	const ids = rows.map((row) => row.SegmentId);
	expect(env.pbx.state.CallHistoryView.length).toBe(CALL_HISTORY_ROWS);
	expect(rows).toHaveLength(CALL_HISTORY_ROWS);
	expect(new Set(ids).size).toBe(CALL_HISTORY_ROWS);
	expect(rows).toEqual(JSON.parse(JSON.stringify(env.pbx.state.CallHistoryView.toArray())));
}

/** The five seed operations, a WAV download and a token expiring mid-run. */
export function seedOperationTests(env: () => E2eEnvironment): void {
	describe('the five seed operations', () => {
		test('Update Notification Settings changes exactly the four fields set and outputs the settings as they now stand', async () => {
			const before = structuredClone(env().pbx.state.NotificationSettings);

			const run = await env().runWorkflow(seedWorkflows.notificationSettings);

			const expected = { ...before, EmailAddresses: 'ops@example.com,admin@example.com', NotifyExtensionAdded: true, NotifyCodes: ['StorageLimit', 'TrunkError'], RecordingsQuotaPercentage: 75 };
			expect(env().pbx.state.NotificationSettings).toEqual(expected);
			expect(nodeJson(run, '3CX')).toEqual([expected]);
			expect(env().pbx.stats.byRoute['PATCH /NotificationSettings']).toBe(1);
		});

		test('Update Call Flow App (id from an expression) merges the fields, Groups parsed from JSON, and outputs the app', async () => {
			const app = crmLookupApp(env());
			const before = structuredClone(app);

			const run = await env().runWorkflow(callFlowAppWorkflow(app.Id));

			const expected = { ...before, Name: 'CRM Lookup v2', RoutingType: 'Trunk', TranscriptionMode: 'Voicemail', Groups: callFlowGroups, ScriptCode: 'return "sales";' };
			expect(env().pbx.state.CallFlowApps.find((record) => record.Id === app.Id)).toEqual(expected);
			expect(nodeJson(run, '3CX')).toEqual([expected]);
			expect(env().pbx.stats.byRoute['PATCH /CallFlowApps({Id})']).toBe(1);
		});

		test('Create Receptionist creates it on the PBX with the options mapped and outputs it with its new Id', async () => {
			const run = await env().runWorkflow(seedWorkflows.createReceptionist);

			const created = byNumber(env().pbx.state.Receptionists, '820');
			expect(created).toMatchObject({
				Name: 'Support menu',
				IVRType: 'CodeBased',
				Timeout: 15,
				TimeoutForwardType: 'VoiceMail',
				TranscriptionMode: 'Inherit',
				Forwards: [{ Input: '1', ForwardType: 'Extension', ForwardDN: '100' }],
			});
			expect(nodeJson(run, '3CX')).toEqual([asServed(created!)]);
			expect(env().pbx.stats.byRoute['POST /Receptionists']).toBe(1);
		});

		test('Get Monitor Status filters on the PBX and outputs one item per entry with the count', async () => {
			expect(env().pbx.state.MonitorStatus.length).toBeGreaterThan(1);

			const run = await env().runWorkflow(seedWorkflows.monitorStatus);

			expect(nodeJson(run, '3CX')).toEqual([{ DN: '101', Expiration: 1_900_000_000, '@odata.count': 1 }]);
		});

		test('Download Chat History arrives as a CSV file (binary data) that n8n\'s Extract From File reads', async () => {
			const run = await env().runWorkflow(seedWorkflows.chatHistory);

			const [file] = nodeItems(run, '3CX');
			expect(file.json).toEqual({ fileName: 'ChatHistory.csv', mimeType: 'text/csv', fileSize: expect.any(Number) });
			expect(file.binary?.data).toMatchObject({ fileName: 'ChatHistory.csv', mimeType: 'text/csv', fileExtension: 'csv' });
			const csv = env().binaryContent(file.binary!.data).toString('utf8');
			expect(Buffer.byteLength(csv)).toBe(file.json.fileSize);

			const external = env().pbx.state.ChatHistoryView.filter((row) => row.IsExternal);
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
		const recording = env().pbx.state.Recordings.find((record) => record.Id === 7)!;
		const fileName = String(recording.RecordingUrl).split('/').pop();

		const run = await env().runWorkflow(seedWorkflows.recording);

		const [file] = nodeItems(run, '3CX');
		expect(file.binary?.data).toMatchObject({ fileName, mimeType: 'audio/x-wav' });
		const wav = env().binaryContent(file.binary!.data);
		expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
		expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
		expect(file.json).toEqual({ fileName, mimeType: 'audio/x-wav', fileSize: wav.length });
	});

	test('a token that expires mid-run is re-minted once and the run completes', async () => {
		// Start from a live stored token, so the only mint is the one the expiry forces.
		await env().runWorkflow(seedWorkflows.monitorStatus);
		env().pbx.resetStats();
		env().pbx.expireTokensAfter(5); // the 6th page request finds its token expired

		const run = await env().runWorkflow(seedWorkflows.tokenExpiry);

		expectEveryCallHistoryRowOnce(env(), run);
		// The pages in flight when the token expired are refused and sent again until the one new
		// token is in: a token refused seconds after its mint may have been replaced by another n8n
		// process, so the node first waits a few seconds for that one (queue mode) before minting.
		expect(env().pbx.stats.unauthorized).toBeGreaterThanOrEqual(1);
		expect(env().pbx.stats.byRoute['GET /CallHistoryView']).toBe(PAGE_REQUESTS + env().pbx.stats.unauthorized);
		expect(env().pbx.stats.mints).toBe(1);
		expect(env().pbx.stats.byRoute['POST /connect/token']).toBe(1);
	});
}

/** The installed package's nodes, as the editor asks n8n for them (1.x names them without the package). */
export function loadedNodesTests(env: () => E2eEnvironment, n8nVersion: string): void {
	test(`n8n ${n8nVersion} loaded both nodes from the installed package`, async () => {
		const types = await env().api.post<Array<{ displayName: string }>>('/rest/node-types', {
			nodeInfos: [
				{ name: 'n8n-nodes-3cx.threeCx', version: 1 },
				{ name: 'n8n-nodes-3cx.threeCxTrigger', version: 1 },
			],
		});
		expect(types.map((type) => type.displayName).sort()).toEqual(['3CX', '3CX Trigger']);
	});
}

/** n8n's credential test (what saving the credential runs), right and wrong key. */
export function credentialTestTests(env: () => E2eEnvironment): void {
	test('n8n’s credential test (the check on saving the credential) passes for the right key and names the problem for a wrong one', async () => {
		const testCredential = (data: Record<string, unknown>) =>
			env().api.post<{ status: string; message: string }>('/rest/credentials/test', {
				credentials: {
					id: env().credential.id,
					name: env().credential.name,
					type: 'threeCxApi',
					data: { url: `${env().pbx.url}/`, clientId: 'demo', ignoreSslIssues: false, ...data },
				},
			});
		env().pbx.resetStats();

		expect(await testCredential({ apiKey: 'demo-secret' })).toMatchObject({ status: 'OK' });
		// The token the suite's workflows minted is reused when it is still live; otherwise one is minted.
		expect(env().pbx.stats.byRoute['GET /Defs']).toBe(1);
		expect(env().pbx.stats.byRoute['POST /connect/token'] ?? 0).toBeLessThanOrEqual(1);

		const wrong = await testCredential({ apiKey: 'a-wrong-key-never-shown' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/rejected the credential/);
		expect(wrong.message).not.toContain('a-wrong-key-never-shown');
	});
}
