import type { FakePbx } from '../fake-pbx';
import { ActiveTrigger, credentialsFor, fetchTestEvent, startPbx } from './harness';

describe('3CX Trigger: fetch test event (manual mode)', () => {
	let pbx: FakePbx;

	beforeEach(async () => (pbx = await startPbx()));
	afterEach(async () => await pbx.stop());

	describe.each(['20.0.5.100', '20.0.10.1000'])('New Call Record on %s', (version) => {
		let pbx: FakePbx;

		beforeEach(async () => (pbx = await startPbx({ version })));
		afterEach(async () => await pbx.stop());

		it('returns the newest call record, of the given numbers when set', async () => {
			const newest = pbx.addCall({ from: '102', startTime: new Date(Date.now() - 60_000).toISOString() });
			expect((await fetchTestEvent({ event: 'callRecord' }, credentialsFor(pbx))).items).toEqual([newest]);
			const of100 = pbx.addCall({ from: '100' });
			pbx.addCall({ from: '101' });
			expect((await fetchTestEvent({ event: 'callRecord', numbers: '100' }, credentialsFor(pbx))).items).toEqual([of100]);
		});

		it('leaves the cursor of the active workflow alone, so its next poll still emits everything new', async () => {
			const trigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(pbx));
			await trigger.poll();
			const before = JSON.parse(JSON.stringify(trigger.staticData));
			const start = Date.now();
			const added = [pbx.addCall({ startTime: new Date(start).toISOString() }), pbx.addCall({ startTime: new Date(start + 1000).toISOString() })];
			const fetched = await fetchTestEvent({ event: 'callRecord' }, credentialsFor(pbx), trigger.staticData);
			expect(fetched.items).toEqual([added[1]]);
			expect(fetched.staticData).toEqual(before);
			expect(await trigger.poll()).toEqual(added);
		});
	});

	it('shows each event in the shape it is emitted in', async () => {
		const newestConversation = Math.max(...pbx.state.ChatHistoryView.map((row) => row.ConversationId as number));
		const firstMessage = pbx.state.ChatHistoryView.find((row) => row.ConversationId === newestConversation);
		expect((await fetchTestEvent({ event: 'chatConversation' }, credentialsFor(pbx))).items).toEqual([firstMessage]);
		expect((await fetchTestEvent({ event: 'chatMessage' }, credentialsFor(pbx))).items).toEqual([pbx.state.ChatMessagesHistoryView.at(-1)]);
		expect((await fetchTestEvent({ event: 'recording' }, credentialsFor(pbx))).items).toEqual([pbx.state.Recordings.at(-1)]);
		expect((await fetchTestEvent({ event: 'eventLog' }, credentialsFor(pbx))).items).toEqual([pbx.state.EventLogs.at(-1)]);
		expect((await fetchTestEvent({ event: 'auditLog' }, credentialsFor(pbx))).items).toEqual([pbx.state.AuditLog.at(-1)]);
		const newestCall = pbx.state.ActiveCalls.at(-1);
		expect((await fetchTestEvent({ event: 'activeCallStarted' }, credentialsFor(pbx))).items).toEqual([newestCall]);
		expect((await fetchTestEvent({ event: 'activeCallEnded' }, credentialsFor(pbx))).items).toEqual([newestCall]);
		const [user] = (await fetchTestEvent({ event: 'userStatusChanged', watch: ['CurrentProfileName'], numbers: '103' }, credentialsFor(pbx))).items;
		expect(user).toMatchObject({ Number: '103', CurrentProfileName: 'Available', changedFields: [], previous: {} });
	});

	it('returns nothing when there is nothing to show', async () => {
		pbx.state.EventLogs.length = 0;
		const fetched = await fetchTestEvent({ event: 'eventLog' }, credentialsFor(pbx));
		expect(fetched.error).toBeUndefined();
		expect(fetched.items).toEqual([]);
	});
});

describe('3CX Trigger: errors', () => {
	let pbx: FakePbx;

	beforeEach(async () => (pbx = await startPbx()));
	afterEach(async () => await pbx.stop());

	it('fails the activation with 3CX’s reason, naming the role, without the API key', async () => {
		pbx.failNext({ status: 403, route: 'GET /ReportCallLogData', times: 5 });
		const trigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(pbx));
		const error = await trigger.poll().then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toMatch(/^3CX refused access/);
		expect(error?.description).toMatch(/System Owner role/);
		expect(JSON.stringify(error)).not.toContain('demo-secret');
	});

	it('retries a busy PBX and keeps its place', async () => {
		const trigger = new ActiveTrigger({ event: 'eventLog' }, credentialsFor(pbx));
		await trigger.poll();
		const entry = pbx.add('EventLogs', { Type: 'Warning' });
		pbx.failNext({ status: 503, route: 'GET /EventLogs', times: 1 });
		expect(await trigger.poll()).toEqual([entry]);
		pbx.failNext({ status: 500, route: 'GET /EventLogs', times: 1 });
		const next = pbx.add('EventLogs', { Type: 'Warning' });
		await expect(trigger.poll()).rejects.toThrow(/3CX failed with HTTP 500/);
		expect(await trigger.poll()).toEqual([next]);
	});
});
