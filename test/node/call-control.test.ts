import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { startFakePbx, type FakePbx } from '../fake-pbx';
import { runThreeCx } from '../helpers/workflow';

/** Call Control operations of the 3CX node, run on n8n-core's engine against the fake PBX. */
let pbx: FakePbx;
beforeAll(async () => {
	pbx = await startFakePbx({ port: 0, clientId: 'demo', clientSecret: 'secret-of-the-api-key', callHistoryRows: 10 });
});
afterAll(async () => {
	await pbx.stop();
	nock.enableNetConnect();
	nock.restore();
});
beforeEach(() => {
	forgetTokens();
	nock.enableNetConnect('127.0.0.1');
	pbx.callControl.requests.length = 0;
	for (const p of pbx.callControl.all()) pbx.callControl.hangUp(p.callid);
	pbx.resetStats();
});

const credentials = () => ({ url: pbx.url, clientId: 'demo', apiKey: 'secret-of-the-api-key' });
const run = (operation: string, parameters: INodeParameters = {}, options: { continueOnFail?: boolean; items?: IDataObject[] } = {}) =>
	runThreeCx({ resource: 'callControl', operation, ...parameters }, { credentials: credentials(), ...options });
const sent = () => pbx.callControl.requests.map(({ method, path, body }) => ({ method, path, ...(body ? { body } : {}) }));

describe('Call Control actions', () => {
	test('Make Call posts the destination from the DN and outputs 3CX’s result', async () => {
		const { items, error } = await run('callControlMakeCall', { callControlDn: '101', callControlDestination: '+4930555' });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'POST', path: '/callcontrol/101/makecall', body: { destination: '+4930555' } }]);
		expect(items.map((i) => i.json)).toEqual([
			{ finalstatus: 'Success', reason: 'None', reasontext: '', result: expect.objectContaining({ dn: '101', status: 'Dialing', party_caller_id: '+4930555' }) },
		]);
	});

	test('Make Call from a device puts the device id, percent-encoded, in the path, and sends the timeout', async () => {
		const devices = (await run('callControlGetDns')).items.find((i) => i.json.dn === '100')!.json.devices as Array<{ device_id: string }>;
		const deviceId = devices[1].device_id;
		pbx.callControl.requests.length = 0;
		const { error } = await run('callControlMakeCall', { callControlDn: '100', callControlDestination: '102', callControlMakeCallOptions: { deviceId, timeout: 20 } });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'POST', path: `/callcontrol/100/devices/${encodeURIComponent(deviceId)}/makecall`, body: { destination: '102', timeout: 20 } }]);
		expect(pbx.callControl.all().map((p) => [p.dn, p.status, p.device_id === deviceId])).toEqual([
			['100', 'Dialing', true],
			['102', 'Ringing', false],
		]);
	});

	test('Answer, Transfer To and Drop act on the participant; Get Participants reads a DN’s calls', async () => {
		const call = pbx.callControl.inbound({ from: '+491701111', to: '100' });
		const [ringing] = (await run('callControlGetParticipants', { callControlDn: '100' })).items.map((i) => i.json as { id: number });
		expect(ringing).toMatchObject({ dn: '100', status: 'Ringing', party_caller_id: '+491701111', callid: call });

		expect((await run('callControlAnswer', { callControlDn: '100', callControlParticipantId: ringing.id })).error).toBeUndefined();
		expect(pbx.callControl.ofCall(call).map((p) => p.status)).toEqual(['Connected']);

		expect((await run('callControlTransferTo', { callControlDn: '100', callControlParticipantId: ringing.id, callControlDestination: '101' })).error).toBeUndefined();
		const [at101] = pbx.callControl.ofCall(call);
		expect(at101).toMatchObject({ dn: '101', status: 'Ringing', referred_by_dn: '100' });

		expect((await run('callControlDrop', { callControlDn: '101', callControlParticipantId: at101.id })).error).toBeUndefined();
		expect(pbx.callControl.ofCall(call)).toEqual([]);
		expect(sent().filter((r) => r.method === 'POST')).toEqual([
			{ method: 'POST', path: `/callcontrol/100/participants/${ringing.id}/answer`, body: {} },
			{ method: 'POST', path: `/callcontrol/100/participants/${ringing.id}/transferto`, body: { destination: '101' } },
			{ method: 'POST', path: `/callcontrol/101/participants/${at101.id}/drop`, body: {} },
		]);
	});

	test('Divert sends the reason; Route To adds a route; Get Participant reads one', async () => {
		const call = pbx.callControl.inbound({ from: '+491702222', to: '100' });
		const [ringing] = pbx.callControl.ofCall(call);
		expect((await run('callControlRouteTo', { callControlDn: '100', callControlParticipantId: ringing.id, callControlDestination: '102' })).error).toBeUndefined();
		expect(pbx.callControl.ofCall(call).map((p) => [p.dn, p.status])).toEqual([
			['100', 'Ringing'],
			['102', 'Ringing'],
		]);
		const { items } = await run('callControlGetParticipant', { callControlDn: '100', callControlParticipantId: ringing.id });
		expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: ringing.id, status: 'Ringing' })]);
		const divert = await run('callControlDivert', { callControlDn: '100', callControlParticipantId: ringing.id, callControlDestination: '101', callControlDivertOptions: { reason: 'NoAnswer' } });
		expect(divert.error).toBeUndefined();
		expect(sent().at(-1)).toEqual({ method: 'POST', path: `/callcontrol/100/participants/${ringing.id}/divert`, body: { destination: '101', reason: 'NoAnswer' } });
		expect(pbx.callControl.ofCall(call).map((p) => p.dn).sort()).toEqual(['101', '102']);
	});

	test('each item runs its own action; expressions take the participant from the input', async () => {
		const calls = [pbx.callControl.inbound({ from: '+1', to: '100' }), pbx.callControl.inbound({ from: '+2', to: '101' })];
		const items = calls.map((call) => ({ dn: pbx.callControl.ofCall(call)[0].dn, participantId: pbx.callControl.ofCall(call)[0].id }));
		const { error } = await run('callControlDrop', { callControlDn: '={{ $json.dn }}', callControlParticipantId: '={{ $json.participantId }}' }, { items });
		expect(error).toBeUndefined();
		expect(pbx.callControl.all()).toEqual([]);
	});
});

describe('Call Control errors say what 3CX answered', () => {
	test('a DN the API client does not monitor', async () => {
		const { error } = await run('callControlMakeCall', { callControlDn: '103', callControlDestination: '+4930555' });
		expect(error?.message).toBe('3CX refused Call Control for DN 103 — the API client has no Call Control access, or DN 103 is not monitored by it');
		expect(error?.description).toContain('tick "3CX Call Control API Access"');
		expect(error?.description).toContain('3CX said: DN 103 is not monitored by this API client.');
	});

	test('a participant that is gone', async () => {
		const { error } = await run('callControlDrop', { callControlDn: '100', callControlParticipantId: 9999 });
		expect(error?.message).toBe('Participant 9999 of DN 100 is gone — the call ended or moved to another DN');
		expect(error?.httpCode).toBe('404');
	});

	test('an action 3CX refuses, in 3CX’s words', async () => {
		const call = pbx.callControl.inbound({ from: '+491703333', to: '100' });
		pbx.callControl.answer(call);
		const [connected] = pbx.callControl.ofCall(call);
		const { error } = await run('callControlAnswer', { callControlDn: '100', callControlParticipantId: connected.id });
		expect(error?.message).toBe(`3CX could not answer the call: Participant ${connected.id} is Connected, not ringing`);
	});

	test('bad input names the field and sends nothing', async () => {
		const cases: Array<[string, INodeParameters, string]> = [
			['callControlMakeCall', { callControlDn: '100', callControlDestination: '  ' }, 'Destination is empty'],
			['callControlMakeCall', { callControlDn: '={{ "" }}', callControlDestination: '1' }, 'DN is empty'],
			['callControlDrop', { callControlDn: '100', callControlParticipantId: 0 }, 'Participant ID must be a whole number above 0, not 0'],
		];
		for (const [operation, parameters, message] of cases) {
			const { error } = await run(operation, parameters);
			expect(error?.message).toBe(message);
			expect(error?.description).toMatch(/^Nothing was sent to 3CX/);
		}
		expect(pbx.stats.requests).toBe(0);
	});

	test('with Continue On Fail the failing item becomes an error item and the next goes on', async () => {
		const call = pbx.callControl.inbound({ from: '+4917', to: '100' });
		const [p] = pbx.callControl.ofCall(call);
		const { items } = await run('callControlDrop', { callControlDn: '100', callControlParticipantId: '={{ $json.id }}' }, { continueOnFail: true, items: [{ id: 4242 }, { id: p.id }] });
		expect(items.map((i) => i.json.error ?? 'ok')).toEqual(['Participant 4242 of DN 100 is gone — the call ended or moved to another DN', 'ok']);
	});
});

describe('Call Control on the shared transport', () => {
	test('a write answered 503 is not sent again; a read is retried', async () => {
		pbx.failNext({ status: 503, route: 'POST /callcontrol/{dn}/makecall' });
		const write = await run('callControlMakeCall', { callControlDn: '100', callControlDestination: '+4930555' });
		expect(write.error?.message).toBe('3CX failed with HTTP 503 while trying to make the call from 100 to +4930555');
		expect(pbx.stats.byRoute['POST /callcontrol/{dn}/makecall']).toBe(1);

		pbx.failNext({ status: 503, route: 'GET /callcontrol/{dn}/participants' });
		const read = await run('callControlGetParticipants', { callControlDn: '100' });
		expect(read.error).toBeUndefined();
		expect(pbx.stats.byRoute['GET /callcontrol/{dn}/participants']).toBe(2);
	});

	test('a revoked token is re-minted once through the credential’s shared token', async () => {
		await run('callControlGetDns');
		expect(pbx.stats.mints).toBe(1);
		pbx.expireTokens();
		const { error, items } = await run('callControlGetDns');
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.dn)).toEqual(['demo', '100', '101', '102']);
		expect(pbx.stats.mints).toBe(2);
	});

	test('the API key and the token appear in no error', async () => {
		const { error } = await run('callControlMakeCall', { callControlDn: '103', callControlDestination: '1' });
		const shown = JSON.stringify({ message: error?.message, description: error?.description, ...(error as object) });
		expect(shown).not.toContain('secret-of-the-api-key');
		expect(shown).not.toMatch(/Bearer|eyJ/);
	});
});
