import nock from 'nock';
import { PBX, runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';

/** The five operations the user specified (shared/seeds), run on n8n's engine with their exact requests asserted. */
beforeEach(resetPbx);
afterAll(() => nock.restore());

test('Update Notification Settings sends exactly the two fields set, then outputs the settings as they stand', async () => {
	const pbx = fakePbx();
	pbx.scope.patch('/xapi/v1/NotificationSettings').reply(204);
	pbx.scope.get('/xapi/v1/NotificationSettings').reply(200, { '@odata.context': 'x', NotifyTrunkError: true, MailServerType: 'MS365', RecordingsQuotaPercentage: 80 });

	const { items, error } = await runThreeCx({
		resource: 'notificationSettings',
		operation: 'updateNotificationSettings',
		notificationSettingsFields: { notifyTrunkError: true, mailServerType: 'MS365' },
	});

	expect(error).toBeUndefined();
	const [patch] = pbx.xapi('/NotificationSettings').filter((r) => r.method === 'PATCH');
	expect(patch.body).toEqual({ NotifyTrunkError: true, MailServerType: 'MS365' });
	expect(patch.headers.authorization).toBe('Bearer token-1');
	expect(items.map((i) => i.json)).toEqual([{ NotifyTrunkError: true, MailServerType: 'MS365', RecordingsQuotaPercentage: 80 }]);
});

test('Update Call Flow App takes Groups as JSON and sends it parsed', async () => {
	const pbx = fakePbx();
	const groups = [{ GroupId: 12, Rights: { RoleName: 'users' }, Tags: [] }];
	pbx.scope.patch('/xapi/v1/CallFlowApps(42)').reply(204);
	pbx.scope.get('/xapi/v1/CallFlowApps(42)').reply(200, { Id: 42, Name: 'Router', RoutingType: 'Trunk', Groups: groups });

	const { items, error } = await runThreeCx({
		resource: 'callFlowApps',
		operation: 'updateCallFlowApp',
		callFlowAppId: 42,
		callFlowAppFields: { groups: JSON.stringify(groups), routingType: 'Trunk', transcriptionMode: 'Voicemail', scriptCode: 'return 1;' },
	});

	expect(error).toBeUndefined();
	const [patch] = pbx.xapi('/CallFlowApps(42)').filter((r) => r.method === 'PATCH');
	expect(patch.body).toEqual({ Groups: groups, RoutingType: 'Trunk', TranscriptionMode: 'Voicemail', ScriptCode: 'return 1;' });
	expect(items[0].json).toMatchObject({ Id: 42, RoutingType: 'Trunk' });
});

test('Create Receptionist maps option fields to the spec values', async () => {
	const pbx = fakePbx();
	pbx.scope.post('/xapi/v1/Receptionists').reply(201, (_uri, body) => ({ Id: 9, ...(body as object) }));

	const { items, error } = await runThreeCx({
		resource: 'receptionists',
		operation: 'createReceptionist',
		receptionistFields: {
			name: 'Main menu',
			number: '800',
			ivrType: 'CodeBased',
			timeoutForwardType: 'VoiceMail',
			timeoutForwardPeerType: 'RingGroup',
			transcriptionMode: 'Inherit',
			timeout: 15,
			forwards: '[{"Input":"1","ForwardType":"Extension","ForwardDN":"100"}]',
		},
	});

	expect(error).toBeUndefined();
	const [post] = pbx.xapi('/Receptionists');
	expect(post.method).toBe('POST');
	expect(post.body).toEqual({
		Name: 'Main menu',
		Number: '800',
		IVRType: 'CodeBased',
		TimeoutForwardType: 'VoiceMail',
		TimeoutForwardPeerType: 'RingGroup',
		TranscriptionMode: 'Inherit',
		Timeout: 15,
		Forwards: [{ Input: '1', ForwardType: 'Extension', ForwardDN: '100' }],
	});
	expect(items[0].json).toMatchObject({ Id: 9, Name: 'Main menu' });
});

test('Get Monitor Status passes Top, Skip, Search (quoted), Filter and Count, one item per entity with the count', async () => {
	const pbx = fakePbx();
	pbx.scope
		.get('/xapi/v1/Users/Pbx.GetMonitorStatus()')
		.query({ $top: '2', $skip: '4', $search: '"John Smith"', $filter: "State eq 'Connected'", $count: 'true' })
		.reply(200, { '@odata.count': 17, value: [{ Number: '100', State: 'Connected' }, { Number: '101', State: 'Connected' }] });

	const { items, error } = await runThreeCx({
		resource: 'users',
		operation: 'getMonitorStatus',
		searchOptions: { top: 2, skip: 4, search: 'John Smith', filter: "State eq 'Connected'", count: true },
	});

	expect(error).toBeUndefined();
	expect(pbx.scope.isDone()).toBe(true);
	expect(items.map((i) => i.json)).toEqual([
		{ Number: '100', State: 'Connected', '@odata.count': 17 },
		{ Number: '101', State: 'Connected', '@odata.count': 17 },
	]);
});

describe('Download Chat History', () => {
	const parameters = {
		resource: 'chatHistoryView',
		operation: 'downloadChatHistory',
		clientTimeZone: 'Europe/Berlin',
		options: { top: 100, skip: 0, search: 'refund', filter: "ParticipantName eq 'Ann'", count: true, select: 'ConversationId,Message', orderby: 'TimeSent desc', expand: 'Participants' },
	};
	const query = {
		$top: '100',
		$skip: '0',
		$search: 'refund',
		$filter: "ParticipantName eq 'Ann'",
		$count: 'true',
		$select: 'ConversationId,Message',
		$orderby: 'TimeSent desc',
		$expand: 'Participants',
	};
	const path = "/xapi/v1/ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone='Europe%2FBerlin')";

	test('sends the time zone as a quoted, encoded function parameter and all eight options; a CSV answer becomes binary data', async () => {
		const pbx = fakePbx();
		const csv = 'ConversationId,Message\n1,hello\n';
		pbx.scope.get(path).query(query).reply(200, csv, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="chats.csv"' });

		const { items, error } = await runThreeCx(parameters);

		expect(error).toBeUndefined();
		expect(pbx.scope.isDone()).toBe(true);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ fileName: 'chats.csv', mimeType: 'text/csv', fileSize: csv.length });
		expect(items[0].binary?.data).toMatchObject({ fileName: 'chats.csv', mimeType: 'text/csv' });
		expect(Buffer.from(items[0].binary!.data.data, 'base64').toString()).toBe(csv);
	});

	test('a JSON answer (as the spec describes) becomes one item per record', async () => {
		const pbx = fakePbx();
		pbx.scope.get(path).query(query).reply(200, { '@odata.count': 1, value: [{ ConversationId: 1, Message: 'hello' }] });

		const { items } = await runThreeCx(parameters);

		expect(items.map((i) => i.json)).toEqual([{ ConversationId: 1, Message: 'hello', '@odata.count': 1 }]);
	});
});

test('PBX URL with a trailing slash still reaches /xapi/v1', async () => {
	const pbx = fakePbx();
	pbx.scope.get("/xapi/v1/Users(Number='100')").reply(200, { Id: 1 });
	const { items } = await runThreeCx({ resource: 'users', operation: 'getUserByNumber', number: '100' }, { credentials: { url: `${PBX}/` } });
	expect(items[0].json).toEqual({ Id: 1 });
});
