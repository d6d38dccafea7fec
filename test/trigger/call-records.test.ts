import type { IDataObject } from 'n8n-workflow';
import type { FakePbx, PbxRecord } from '../fake-pbx';
import { ActiveTrigger, credentialsFor, startPbx } from './harness';

const HISTORY = 'GET /CallHistoryView';
const STAMP = 'GET /LastCdrAndChatMessageTimestamp';

const ids = (items: IDataObject[]) => items.map((item) => item.SegmentId);

function addCalls(pbx: FakePbx, count: number, fields: PbxRecord = {}): number[] {
	return Array.from({ length: count }, () => pbx.add('CallHistoryView', { SrcDn: '100', DstDn: '101', ...fields }).SegmentId as number);
}

describe('3CX Trigger: New Call Record', () => {
	let pbx: FakePbx;
	let trigger: ActiveTrigger;

	beforeEach(async () => {
		pbx = await startPbx();
		trigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(pbx));
	});

	afterEach(async () => await pbx.stop());

	it('does not replay history on activation, then emits each new record exactly once', async () => {
		expect(pbx.state.CallHistoryView.length).toBe(500);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.cursor).toMatchObject({ event: 'callRecord', last: 500 });

		const first = addCalls(pbx, 2);
		expect(ids(await trigger.poll())).toEqual(first);
		expect(await trigger.poll()).toEqual([]);
		const second = addCalls(pbx, 3);
		const emitted = await trigger.poll();
		expect(ids(emitted)).toEqual(second);
		expect(emitted[0]).toEqual(pbx.state.CallHistoryView.at(-3));
	});

	it('emits records sharing one timestamp across polls with no duplicate and no gap', async () => {
		await trigger.poll();
		const sameSecond = '2030-01-01T10:00:00Z';
		const before = addCalls(pbx, 3, { SegmentStartTime: sameSecond });
		expect(ids(await trigger.poll())).toEqual(before);
		// Two more in the very same second, written after that poll, and a later one.
		const after = [...addCalls(pbx, 2, { SegmentStartTime: sameSecond }), ...addCalls(pbx, 1, { SegmentStartTime: '2030-01-01T10:00:01Z' })];
		expect(ids(await trigger.poll())).toEqual(after);
		expect(await trigger.poll()).toEqual([]);
	});

	it('reads more than one page of new records in one poll, in order', async () => {
		await trigger.poll();
		const added = addCalls(pbx, 1234, { SegmentStartTime: '2030-01-01T10:00:00Z' });
		pbx.resetStats();
		expect(ids(await trigger.poll())).toEqual(added);
		// Pages of 500, 500, 234, then the empty page that proves the end.
		expect(pbx.stats.byRoute[HISTORY]).toBe(4);
		expect(await trigger.poll()).toEqual([]);
	});

	it('loses nothing and repeats nothing when records are written while it pages', async () => {
		await trigger.poll();
		const added = addCalls(pbx, 700);
		let writtenMidPaging: number[] = [];
		const pagesAsked: string[] = [];
		pbx.onRequest(HISTORY, ({ query }) => {
			pagesAsked.push(query.$filter);
			// 3CX writes calls after the first page was read: some land behind it, on later pages.
			if (pagesAsked.length === 2) writtenMidPaging = addCalls(pbx, 3);
		});
		const firstPoll = ids(await trigger.poll());
		addCalls(pbx, 1);
		const secondPoll = ids(await trigger.poll());
		const all = [...firstPoll, ...secondPoll];
		expect(writtenMidPaging).toHaveLength(3);
		expect(new Set(all).size).toBe(all.length);
		expect(all).toEqual([...added, ...writtenMidPaging, pbx.state.CallHistoryView.at(-1)!.SegmentId]);
		expect(pagesAsked[1]).toBe(`SegmentId gt ${added[499]}`);
	});

	it('leaves a backlog larger than one poll may read to the next poll', async () => {
		await trigger.poll();
		const added = addCalls(pbx, 5300);
		const first = ids(await trigger.poll());
		expect(first).toEqual(added.slice(0, 5000));
		// The stamp did not move since, but the first read was cut short: the second poll reads on.
		const second = ids(await trigger.poll());
		expect(second).toEqual(added.slice(5000));
		expect(await trigger.poll()).toEqual([]);
	});

	it('skips reading the call history while LastCdrAndChatMessageTimestamp stays put', async () => {
		await trigger.poll();
		pbx.resetStats();
		expect(await trigger.poll()).toEqual([]);
		expect(await trigger.poll()).toEqual([]);
		expect(pbx.stats.byRoute[STAMP]).toBe(2);
		expect(pbx.stats.byRoute[HISTORY]).toBeUndefined();

		const [added] = addCalls(pbx, 1);
		expect(ids(await trigger.poll())).toEqual([added]);
		expect(pbx.stats.byRoute[HISTORY]).toBe(2);
	});

	it('still emits a long call written after a later, shorter one, which leaves the stamp put', async () => {
		await trigger.poll();
		const [short] = addCalls(pbx, 1, { SegmentStartTime: '2030-01-01T10:05:00Z' });
		expect(ids(await trigger.poll())).toEqual([short]);
		// The long call started earlier and ends now: LastCdrStartedAt still shows 10:05.
		const [long] = addCalls(pbx, 1, { SegmentStartTime: '2030-01-01T10:00:00Z', SegmentEndTime: '2030-01-01T10:20:00Z' });
		expect(await trigger.poll()).toEqual([]);
		// Once the stamp is older than the full-read period the history is read anyway.
		trigger.cursor.stampReadAt = Number(trigger.cursor.stampReadAt) - 5 * 60 * 1000;
		expect(ids(await trigger.poll())).toEqual([long]);
	});

	it('falls back to reading the call history on PBXs before 20.0.7 (404 on the stamp)', async () => {
		const older = await startPbx({ version: '20.0.6.908' });
		try {
			const olderTrigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(older));
			expect(await olderTrigger.poll()).toEqual([]);
			const sameSecond = '2030-01-01T10:00:00Z';
			const first = older.add('CallHistoryView', { SegmentStartTime: sameSecond }).SegmentId;
			expect(ids(await olderTrigger.poll())).toEqual([first]);
			const second = older.add('CallHistoryView', { SegmentStartTime: sameSecond }).SegmentId;
			expect(ids(await olderTrigger.poll())).toEqual([second]);
			expect(await olderTrigger.poll()).toEqual([]);
			// The 404 is remembered: the stamp is asked for once, the history on every poll.
			expect(older.stats.byRoute[STAMP]).toBe(1);
			expect(older.stats.byRoute[HISTORY]).toBe(1 + 2 + 2 + 1);
		} finally {
			await older.stop();
		}
	});

	it('emits only calls of the given extensions or numbers, and rejects a malformed one before sending', async () => {
		const filtered = new ActiveTrigger({ event: 'callRecord', numbers: '105, +4930555' }, credentialsFor(pbx));
		await filtered.poll();
		const [from105] = addCalls(pbx, 1, { SrcDn: '105', DstDn: '200' });
		addCalls(pbx, 1, { SrcDn: '106', DstDn: '200' });
		const [toExternal] = addCalls(pbx, 1, { SrcDn: '106', DstCallerNumber: '+4930555' });
		expect(ids(await filtered.poll())).toEqual([from105, toExternal]);

		pbx.resetStats();
		const malformed = new ActiveTrigger({ event: 'callRecord', numbers: "100, 1 or 1'" }, credentialsFor(pbx));
		await expect(malformed.poll()).rejects.toThrow(/Extensions or Numbers: "1 or 1'" is not an extension or phone number/);
		const tooMany = new ActiveTrigger({ event: 'callRecord', numbers: Array.from({ length: 26 }, (_, i) => 200 + i).join(',') }, credentialsFor(pbx));
		await expect(tooMany.poll()).rejects.toThrow('Extensions or Numbers: at most 25 numbers, not 26');
		expect(pbx.stats.requests).toBe(0);
	});

	it('starts afresh when the user switches to another event', async () => {
		await trigger.poll();
		addCalls(pbx, 2);
		const switched = new ActiveTrigger({ event: 'eventLog' }, credentialsFor(pbx));
		switched.staticData = trigger.staticData;
		expect(await switched.poll()).toEqual([]);
		expect(switched.cursor).toMatchObject({ event: 'eventLog', last: pbx.state.EventLogs.at(-1)!.Id });
		expect(switched.cursor.stamp).toBeUndefined();
	});
});
