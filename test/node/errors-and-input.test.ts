import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { PBX, runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const ALREADY_IN_USE = {
	error: {
		code: '',
		message: 'Number:\nWARNINGS.XAPI.ALREADY_IN_USE',
		details: [{ code: '', message: 'WARNINGS.XAPI.ALREADY_IN_USE', target: 'Number' }],
	},
};

describe('XAPI errors', () => {
	test('a 400 becomes a readable message with its HTTP status', async () => {
		const pbx = fakePbx();
		pbx.scope.post('/xapi/v1/Users').reply(400, ALREADY_IN_USE);
		const { error } = await runThreeCx({ resource: 'users', operation: 'createUser', userFields: { number: '100' } });
		expect(error?.message).toBe('Number: already in use');
		expect(error?.httpCode).toBe('400');
	});

	test('with Continue On Fail the failing item becomes an error item and the others succeed', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(2)').reply(404, { error: { code: '', message: 'WARNINGS.XAPI.NOT_FOUND', details: [] } });
		pbx.scope.get(/\/xapi\/v1\/Users\([13]\)/).times(2).reply(200, (uri) => ({ Id: Number(/\((\d)\)/.exec(uri)![1]) }));
		const { items, error } = await runThreeCx(
			{ resource: 'users', operation: 'getUser', userId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }, { id: 3 }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual({ Id: 1 });
		expect(items[1].json.error).toBe('Not found');
		expect(items[2].json).toEqual({ Id: 3 });
	});

	describe('403 says which role is missing, in the message (all Continue On Fail shows)', () => {
		const SYSTEM_OWNER = '3CX refused access — this needs the System Owner role';
		const OTHER_ROLE = "3CX refused access — the API client's role does not allow this operation";
		test.each([
			['call history', { resource: 'callHistoryView', operation: 'listCallHistoryView' }, /^\/xapi\/v1\/CallHistoryView/, SYSTEM_OWNER],
			['a recording download', { resource: 'recordings', operation: 'downloadRecording', recId: 1 }, /^\/xapi\/v1\/Recordings\/Pbx\.DownloadRecording/, SYSTEM_OWNER],
			['chat messages', { resource: 'chatMessagesHistoryView', operation: 'listChatMessagesHistoryView' }, /^\/xapi\/v1\/ChatMessagesHistoryView/, SYSTEM_OWNER],
			['a user', { resource: 'users', operation: 'getUser', userId: 1 }, /^\/xapi\/v1\/Users\(1\)/, OTHER_ROLE],
		])('%s', async (_name, parameters, path, message) => {
			const pbx = fakePbx();
			pbx.scope.get(path).query(true).reply(403, { error: { code: '', message: 'Forbidden', details: [] } });
			const { items } = await runThreeCx(parameters as INodeParameters, { continueOnFail: true });
			expect(items[0].json.error).toBe(message);
			expect(items[0].error?.description).toContain('3CX said: Forbidden');
		});
	});

	describe('404 of an operation that only some updates have says which, in the message', () => {
		test('without a key: the update is the only explanation', async () => {
			const pbx = fakePbx();
			pbx.scope.get('/xapi/v1/Users/Pbx.GetMonitorStatus()').query(true).reply(404, '');
			const { items } = await runThreeCx({ resource: 'users', operation: 'getMonitorStatus' }, { continueOnFail: true });
			expect(items[0].json.error).toBe('Not found — this operation exists in 3CX 20.0.4–20.0.8 only');
		});

		test('with a key: or the record is missing', async () => {
			const pbx = fakePbx();
			pbx.scope.get('/xapi/v1/Holidays(4)').query(true).reply(404, { error: { code: '', message: 'WARNINGS.XAPI.NOT_FOUND', details: [] } });
			const { error } = await runThreeCx({ resource: 'holidays', operation: 'getHoliday', [endpoints.getHoliday.params![0].prop]: 4 });
			expect(error?.message).toBe('Not found — this operation exists in 3CX 20.0.6 and later, or the record does not exist');
			expect(error?.httpCode).toBe('404');
		});

		test('a targeted XAPI answer means the operation exists: it names what is missing', async () => {
			const pbx = fakePbx();
			const body = { error: { code: '', message: 'recName:\nWARNINGS.XAPI.NOT_FOUND', details: [{ code: '', message: 'WARNINGS.XAPI.NOT_FOUND', target: 'recName' }] } };
			pbx.scope.get("/xapi/v1/Recordings/Pbx.DownloadRecordingByName(recName='x')").reply(404, body);
			const { error } = await runThreeCx({ resource: 'recordings', operation: 'downloadRecordingByName', recName: 'x' });
			expect(error?.message).toBe('Not found — recName: not found');
		});
	});
});

describe('the PBX cannot be reached: our wording, the network code in the description', () => {
	// n8n replaces a message naming a code it knows (ECONNRESET, ENOTFOUND…) with its own sentence.
	test.each([
		['ECONNRESET', 'socket hang up'],
		['ENOTFOUND', 'getaddrinfo ENOTFOUND pbx.test'],
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5001'],
		['ETIMEDOUT', 'timeout'],
	])('%s', async (code, text) => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').replyWithError(Object.assign(new Error(text), { code }));
		const { items } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 }, { continueOnFail: true });
		expect(items[0].json.error).toBe('Could not reach the 3CX PBX');
		expect(items[0].error?.description).toBe(`Check the PBX URL in the credential and that n8n can reach it. Error code: ${code}.`);
	});

	test('an untrusted certificate says which setting allows it', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users(1)').replyWithError(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }));
		const { error } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 });
		expect(error?.message).toBe('Could not reach the 3CX PBX: its certificate is not trusted');
		expect(error?.description).toBe('For a self-signed certificate, turn on Ignore SSL Issues in the credential. Error code: DEPTH_ZERO_SELF_SIGNED_CERT.');
	});

	test('the token endpoint too, naming the URL it tried', async () => {
		nock(PBX).post('/connect/token').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const { error } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 });
		expect(error?.message).toBe(`Could not reach the 3CX PBX at ${PBX}/connect/token`);
		expect(error?.description).toContain('Error code: ECONNRESET.');
	});
});

describe('bad input is refused before anything is sent', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['JSON that does not parse', { resource: 'callFlowApps', operation: 'updateCallFlowApp', callFlowAppId: 1, callFlowAppFields: { groups: '[{"GroupId": 1,' } }, /^Groups is not valid JSON/],
		['a number field given text', { resource: 'receptionists', operation: 'createReceptionist', receptionistFields: { timeout: '={{ "soon" }}' } }, /^Timeout must be a number/],
		['an enum value outside the list', { resource: 'receptionists', operation: 'createReceptionist', receptionistFields: { ivrType: '={{ "Magic" }}' } }, /^IVRType must be one of Default, CodeBased, ScriptBased, Wakeup/],
		['a quota percentage above 100', { resource: 'notificationSettings', operation: 'updateNotificationSettings', notificationSettingsFields: { recordingsQuotaPercentage: 150 } }, /^RecordingsQuotaPercentage must be a percentage from 0 to 100/],
		['a negative quota percentage', { resource: 'notificationSettings', operation: 'updateNotificationSettings', notificationSettingsFields: { voicemailQuotaPercentage: -1 } }, /^VoicemailQuotaPercentage must be a percentage from 0 to 100/],
		['a key that is not a whole number', { resource: 'users', operation: 'getUser', userId: 1.5 }, /^User ID must be a whole number/],
		['a boolean given a word', { resource: 'notificationSettings', operation: 'updateNotificationSettings', notificationSettingsFields: { notifySystemOwners: '={{ "maybe" }}' } }, /^NotifySystemOwners must be true or false/],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		const pbx = fakePbx();
		const { error } = await runThreeCx(parameters);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Nothing was sent to 3CX');
		expect(pbx.xapi('')).toEqual([]);
	});
});

describe('files arrive as binary data', () => {
	test('a WAV recording keeps its MIME type and Content-Disposition file name, in the chosen binary property', async () => {
		const pbx = fakePbx();
		const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40, 1)]);
		pbx.scope.get('/xapi/v1/Recordings/Pbx.DownloadRecording(recId=77)').reply(200, wav, { 'Content-Type': 'audio/wav', 'Content-Disposition': "attachment; filename*=UTF-8''call%2077.wav" });
		const { items } = await runThreeCx({ resource: 'recordings', operation: 'downloadRecording', recId: 77, binaryPropertyName: 'audio' });
		expect(items[0].binary?.audio).toMatchObject({ mimeType: 'audio/wav', fileName: 'call 77.wav' });
		expect(Buffer.from(items[0].binary!.audio.data, 'base64')).toEqual(wav);
	});

	test('a ZIP without a file name gets a sensible default', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users/Pbx.ExportExtensions()').reply(200, Buffer.from('PK\u0003\u0004zip'), { 'Content-Type': 'application/zip' });
		const { items } = await runThreeCx({ resource: 'users', operation: 'exportExtensions' });
		expect(items[0].json).toMatchObject({ fileName: 'extensions.zip', mimeType: 'application/zip' });
	});

	test('a download answered without Content-Type is a file, not a JSON parse error', async () => {
		const pbx = fakePbx();
		const csv = Buffer.from('Number,Name\n100,Ann\n');
		pbx.scope.get('/xapi/v1/Users/Pbx.ExportExtensions()').reply(200, () => csv);
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'exportExtensions' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ fileName: 'extensions.bin', mimeType: 'application/octet-stream', fileSize: csv.length });
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(csv);
	});

	test('a download answered with a JSON document and no Content-Type stays JSON', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users/Pbx.ExportExtensions()').reply(200, () => Buffer.from('{"value":"queued"}'));
		const { items } = await runThreeCx({ resource: 'users', operation: 'exportExtensions' });
		expect(items[0].json).toEqual({ value: 'queued' });
		expect(items[0].binary).toBeUndefined();
	});

	test.each([
		['audio/ogg', 'recording.ogg'],
		['application/xml; charset=utf-8', 'recording.xml'],
		['audio/x-flac', 'recording.flac'],
	])('%s without a file name is saved as %s', async (type, fileName) => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Recordings/Pbx.DownloadRecording(recId=5)').reply(200, Buffer.from('data'), { 'Content-Type': type });
		const { items } = await runThreeCx({ resource: 'recordings', operation: 'downloadRecording', recId: 5 });
		expect(items[0].json).toMatchObject({ fileName, mimeType: type.split(';')[0] });
	});

	test('an XAPI error answered to a download is an error, not a file', async () => {
		const pbx = fakePbx();
		pbx.scope.get('/xapi/v1/Users/Pbx.ExportExtensions()').reply(400, ALREADY_IN_USE);
		const { error, items } = await runThreeCx({ resource: 'users', operation: 'exportExtensions' });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Number: already in use');
	});
});
