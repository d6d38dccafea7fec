import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';

/**
 * JSON fields have a shape in 3CX's spec — a list (Groups) or an object (Trunk) — and the node
 * holds input to it before anything is sent. 3CX's ConcealedPassword fields take text.
 */
beforeEach(resetPbx);
afterAll(() => nock.restore());

const updateCallFlowApp = (callFlowAppFields: INodeParameters): INodeParameters => ({ resource: 'callFlowApps', operation: 'updateCallFlowApp', callFlowAppId: 42, callFlowAppFields });

describe('a JSON field of the wrong shape is refused, naming the field, and nothing is sent', () => {
	test.each([
		['an object for a list', { groups: '{"GroupId":1}' }, 'Groups must be a JSON list (array), not an object'],
		['a number for a list', { groups: '7' }, 'Groups must be a JSON list (array), not a number'],
		['a list for an object', { trunk: '[{"Id":1}]' }, 'Trunk must be a JSON object, not a list'],
		['text for an object', { trunk: '"trunk 1"' }, 'Trunk must be a JSON object, not text'],
		['an expression’s object for a list', { groups: '={{ { "GroupId": 1 } }}' }, 'Groups must be a JSON list (array), not an object'],
		['invalid JSON', { groups: '[{"GroupId":1}' }, /^Groups is not valid JSON/],
	])('%s', async (_name, fields, message) => {
		const pbx = fakePbx();
		const { error } = await runThreeCx(updateCallFlowApp(fields));
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Nothing was sent to 3CX');
		expect(pbx.seen).toEqual([]);
	});

	test('an action parameter at the top level too (Set Backup Settings › Settings is an object)', async () => {
		const pbx = fakePbx();
		const { error } = await runThreeCx({ resource: 'backups', operation: 'setBackupSettings', settings: '[]' });
		// Errors name the field as 3CX's spec does; action parameters are lower camel case there.
		expect(error?.message).toBe('settings must be a JSON object, not a list');
		expect(pbx.seen).toEqual([]);
	});
});

/** Runs Update Call Flow App against a PBX that accepts it; returns the body of the PATCH sent. */
async function patchedCallFlowApp(fields: INodeParameters) {
	const pbx = fakePbx();
	pbx.scope.patch('/xapi/v1/CallFlowApps(42)').reply(204);
	pbx.scope.get('/xapi/v1/CallFlowApps(42)').reply(200, { Id: 42 });
	const { error } = await runThreeCx(updateCallFlowApp(fields));
	expect(error).toBeUndefined();
	return pbx.xapi('/CallFlowApps(42)').find((r) => r.method === 'PATCH')?.body;
}

describe('JSON fields of the right shape are sent parsed', () => {
	test('a list and an object', async () => {
		expect(await patchedCallFlowApp({ groups: '[{"GroupId":1}]', trunk: '{"Id":3}', scriptCode: 'x' })).toEqual({ Groups: [{ GroupId: 1 }], Trunk: { Id: 3 }, ScriptCode: 'x' });
	});

	test('null (3CX’s “no value”) passes for either shape', async () => {
		expect(await patchedCallFlowApp({ groups: 'null', trunk: ' null ' })).toEqual({ Groups: null, Trunk: null });
	});

	test('a JSON field left blank is not sent', async () => {
		expect(await patchedCallFlowApp({ groups: '  ', name: 'Main' })).toEqual({ Name: 'Main' });
	});
});

describe('password fields', () => {
	async function patchedMailPassword(mailPassword: string): Promise<unknown> {
		const pbx = fakePbx();
		pbx.scope.patch('/xapi/v1/NotificationSettings').reply(204);
		pbx.scope.get('/xapi/v1/NotificationSettings').reply(200, {});
		const { error } = await runThreeCx({ resource: 'notificationSettings', operation: 'updateNotificationSettings', notificationSettingsFields: { mailPassword } });
		expect(error).toBeUndefined();
		return pbx.xapi('/NotificationSettings').find((r) => r.method === 'PATCH')?.body;
	}

	test('Mail Password is typed as text and sent as 3CX’s ConcealedPassword object', async () => {
		expect(await patchedMailPassword('s3cret {not json}')).toEqual({ MailPassword: { Value: 's3cret {not json}' } });
	});

	test('3CX’s object given as JSON (as its schema shows the field) is sent as that object', async () => {
		expect(await patchedMailPassword('{"Value": "s3cret", "Concealed": false}')).toEqual({ MailPassword: { Value: 's3cret', Concealed: false } });
	});

	test('a password that merely looks like JSON is still the password', async () => {
		expect(await patchedMailPassword('{"not":"a value"}')).toEqual({ MailPassword: { Value: '{"not":"a value"}' } });
	});
});
