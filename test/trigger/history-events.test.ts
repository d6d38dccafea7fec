import type { IDataObject } from 'n8n-workflow';
import type { FakePbx, PbxRecord } from '../fake-pbx';
import { ActiveTrigger, credentialsFor, startPbx } from './harness';

const SAME_SECOND = '2030-01-01T10:00:00Z';
const NEXT_SECOND = '2030-01-01T10:00:01Z';

/** Events that follow a history 3CX only appends to: the set each reads, its key, its timestamp. */
const HISTORIES: Array<[event: string, set: string, key: string, time: string, fields: PbxRecord]> = [
	['chatMessage', 'ChatMessagesHistoryView', 'MessageId', 'TimeSent', { ConversationId: 7, Message: 'hello' }],
	['recording', 'Recordings', 'Id', 'StartTime', { FromDn: '100', ToDn: '101' }],
	['eventLog', 'EventLogs', 'Id', 'TimeGenerated', { Type: 'Error', Message: 'Trunk 10000 lost registration' }],
	['auditLog', 'AuditLog', 'Id', 'Timestamp', { Action: 1, ObjectName: '100', UserName: 'admin' }],
];

describe('3CX Trigger: histories', () => {
	let pbx: FakePbx;

	beforeEach(async () => (pbx = await startPbx()));
	afterEach(async () => await pbx.stop());

	it.each(HISTORIES)('%s: emits records of %s added between polls exactly once, none of the history', async (event, set, key, time, fields) => {
		const trigger = new ActiveTrigger({ event }, credentialsFor(pbx));
		const add = (...times: string[]) => times.map((at) => pbx.add(set, { ...fields, [time]: at })[key]);
		expect((pbx.state as unknown as Record<string, unknown[]>)[set].length).toBeGreaterThan(0);
		expect(await trigger.poll()).toEqual([]);
		const first = add(SAME_SECOND, SAME_SECOND);
		expect((await trigger.poll()).map((item) => item[key])).toEqual(first);
		// Written after that poll, two in the same second as the records before.
		const second = add(SAME_SECOND, SAME_SECOND, NEXT_SECOND);
		expect((await trigger.poll()).map((item) => item[key])).toEqual(second);
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits audit entries that changes made through the API write', async () => {
		const trigger = new ActiveTrigger({ event: 'auditLog' }, credentialsFor(pbx));
		await trigger.poll();
		const token = await fetch(`${pbx.url}/connect/token`, { method: 'POST', body: new URLSearchParams({ client_id: 'demo', client_secret: 'demo-secret', grant_type: 'client_credentials' }) });
		const { access_token } = (await token.json()) as { access_token: string };
		const patch = await fetch(`${pbx.url}/xapi/v1/Users(5)`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ FirstName: 'Renamed' }),
		});
		expect(patch.status).toBe(204);
		const [entry] = await trigger.poll();
		expect(entry).toMatchObject({ Action: 1, ObjectName: '104', UserName: 'demo' });
		expect(JSON.parse(entry.NewData as string)).toMatchObject({ FirstName: 'Renamed' });
	});

	it('emits only event-log entries of the chosen severities', async () => {
		const trigger = new ActiveTrigger({ event: 'eventLog', severities: ['Error', 'Warning'] }, credentialsFor(pbx));
		await trigger.poll();
		const error = pbx.add('EventLogs', { Type: 'Error' }).Id;
		pbx.add('EventLogs', { Type: 'Info' });
		const warning = pbx.add('EventLogs', { Type: 'Warning' }).Id;
		expect((await trigger.poll()).map((item) => item.Id)).toEqual([error, warning]);
	});

	it('emits recordings of the given extensions only', async () => {
		const trigger = new ActiveTrigger({ event: 'recording', numbers: '120' }, credentialsFor(pbx));
		await trigger.poll();
		pbx.add('Recordings', { FromDn: '100', ToDn: '101' });
		const to120 = pbx.add('Recordings', { FromDn: '100', ToDn: '120' }).Id;
		expect((await trigger.poll()).map((item) => item.Id)).toEqual([to120]);
	});

	describe('New Chat Conversation', () => {
		const message = (conversation: number, text: string, timeSent: string): PbxRecord => ({
			ConversationId: conversation,
			ChatName: `Conversation ${conversation}`,
			Message: text,
			TimeSent: timeSent,
		});

		it('emits the first message of each new conversation once, not later messages nor old conversations', async () => {
			const trigger = new ActiveTrigger({ event: 'chatConversation' }, credentialsFor(pbx));
			const newest = Math.max(...pbx.state.ChatHistoryView.map((row) => row.ConversationId as number));
			expect(await trigger.poll()).toEqual([]);

			pbx.add('ChatHistoryView', message(newest, 'a reply in an old conversation', '2030-01-01T09:00:00Z'));
			pbx.add('ChatHistoryView', message(newest + 1, 'first of a new one', '2030-01-01T10:00:00Z'));
			pbx.add('ChatHistoryView', message(newest + 1, 'second of the new one', '2030-01-01T10:00:05Z'));
			pbx.add('ChatMessagesHistoryView', { ConversationId: newest + 1, TimeSent: '2030-01-01T10:00:05Z' });
			const emitted = await trigger.poll();
			expect(emitted.map((row: IDataObject) => [row.ConversationId, row.Message])).toEqual([[newest + 1, 'first of a new one']]);

			pbx.add('ChatHistoryView', message(newest + 1, 'third of it', '2030-01-01T10:01:00Z'));
			pbx.add('ChatHistoryView', message(newest + 2, 'another new one', '2030-01-01T10:01:00Z'));
			pbx.add('ChatMessagesHistoryView', { ConversationId: newest + 2, TimeSent: '2030-01-01T10:01:00Z' });
			expect((await trigger.poll()).map((row) => row.Message)).toEqual(['another new one']);
			expect(await trigger.poll()).toEqual([]);
		});
	});
});

describe('3CX Trigger: chat messages stamped the instant of an earlier poll', () => {
	it('are delayed by the unchanged stamp at most until the next full read, never lost', async () => {
		const pbx = await startPbx();
		try {
			const trigger = new ActiveTrigger({ event: 'chatMessage' }, credentialsFor(pbx));
			await trigger.poll();
			const first = pbx.add('ChatMessagesHistoryView', { TimeSent: SAME_SECOND }).MessageId;
			expect((await trigger.poll()).map((item) => item.MessageId)).toEqual([first]);
			const late = pbx.add('ChatMessagesHistoryView', { TimeSent: SAME_SECOND }).MessageId;
			expect(await trigger.poll()).toEqual([]);
			const state = trigger.cursor;
			state.stampReadAt = Number(state.stampReadAt) - 5 * 60 * 1000;
			expect((await trigger.poll()).map((item) => item.MessageId)).toEqual([late]);
		} finally {
			await pbx.stop();
		}
	});
});
