import type { IDataObject } from 'n8n-workflow';
import type { FakePbx, NewCall } from '../fake-pbx';
import { ActiveTrigger, credentialsFor, startPbx } from './harness';

const HISTORY = 'GET /CallHistoryView';
const STAMP = 'GET /LastCdrAndChatMessageTimestamp';
const CALL_LOG = 'GetCallLogData';
const MINUTE = 60_000;

const segmentIds = (items: IDataObject[]) => items.map((item) => item.SegmentId);
const cdrIds = (items: IDataObject[]) => items.map((item) => item.CdrId);
const at = (time: number) => new Date(time).toISOString();

function addCalls(pbx: FakePbx, count: number, call: NewCall = {}): IDataObject[] {
	return Array.from({ length: count }, () => pbx.addCall({ from: '100', to: '101', ...call }));
}

/** Requests of the call log function (whatever its arguments). */
function callLogReads(pbx: FakePbx): number {
	return Object.entries(pbx.stats.byRoute)
		.filter(([route]) => route.includes(CALL_LOG))
		.reduce((sum, [, count]) => sum + count, 0);
}

describe('3CX Trigger: New Call Record on 20.0.4–20.0.5 (CallHistoryView)', () => {
	let pbx: FakePbx;
	let trigger: ActiveTrigger;
	const ids = (count: number, call?: NewCall) => segmentIds(addCalls(pbx, count, call));

	beforeEach(async () => {
		pbx = await startPbx({ version: '20.0.5.100' });
		trigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(pbx));
	});

	afterEach(async () => await pbx.stop());

	it('does not replay history on activation although the PBX lists it oldest first whatever $orderby says', async () => {
		expect(pbx.state.CallHistoryView.length).toBe(500);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.cursor).toMatchObject({ event: 'callRecord', last: 500 });

		const first = ids(2);
		expect(segmentIds(await trigger.poll())).toEqual(first);
		expect(await trigger.poll()).toEqual([]);
		const second = ids(3);
		const emitted = await trigger.poll();
		expect(segmentIds(emitted)).toEqual(second);
		expect(emitted[0]).toEqual(pbx.state.CallHistoryView.at(-3));
		expect(callLogReads(pbx)).toBe(0);
	});

	it('emits records sharing one timestamp across polls with no duplicate and no gap', async () => {
		await trigger.poll();
		const sameSecond = '2030-01-01T10:00:00Z';
		const before = ids(3, { startTime: sameSecond });
		expect(segmentIds(await trigger.poll())).toEqual(before);
		// Two more in the very same second, written after that poll, and a later one.
		const after = [...ids(2, { startTime: sameSecond }), ...ids(1, { startTime: '2030-01-01T10:00:01Z' })];
		expect(segmentIds(await trigger.poll())).toEqual(after);
		expect(await trigger.poll()).toEqual([]);
	});

	it('reads more than one page of new records in one poll, in order', async () => {
		await trigger.poll();
		const added = ids(1234, { startTime: '2030-01-01T10:00:00Z' });
		pbx.resetStats();
		expect(segmentIds(await trigger.poll())).toEqual(added);
		// CallHistoryView takes large pages: 500, 500, 234, then the empty page that proves the end.
		expect(pbx.stats.byRoute[HISTORY]).toBe(4);
		expect(await trigger.poll()).toEqual([]);
	});

	it('loses nothing and repeats nothing when records are written while it pages', async () => {
		await trigger.poll();
		const added = ids(700);
		let writtenMidPaging: unknown[] = [];
		const pagesAsked: string[] = [];
		pbx.onRequest(HISTORY, ({ query }) => {
			pagesAsked.push(query.$filter);
			// 3CX writes calls after the first page was read: some land behind it, on later pages.
			if (pagesAsked.length === 2) writtenMidPaging = ids(3);
		});
		const firstPoll = segmentIds(await trigger.poll());
		ids(1);
		const secondPoll = segmentIds(await trigger.poll());
		const all = [...firstPoll, ...secondPoll];
		expect(writtenMidPaging).toHaveLength(3);
		expect(new Set(all).size).toBe(all.length);
		expect(all).toEqual([...added, ...writtenMidPaging, pbx.state.CallHistoryView.at(-1)!.SegmentId]);
		expect(pagesAsked[1]).toBe(`SegmentId gt ${added[499]}`);
	});

	it('leaves a backlog larger than one poll may read to the next poll', async () => {
		await trigger.poll();
		const added = ids(5300);
		expect(segmentIds(await trigger.poll())).toEqual(added.slice(0, 5000));
		expect(segmentIds(await trigger.poll())).toEqual(added.slice(5000));
		expect(await trigger.poll()).toEqual([]);
	});

	it('reads the history on every poll: these updates have no LastCdrAndChatMessageTimestamp (404, remembered)', async () => {
		expect(await trigger.poll()).toEqual([]);
		const sameSecond = '2030-01-01T10:00:00Z';
		const first = ids(1, { startTime: sameSecond });
		expect(segmentIds(await trigger.poll())).toEqual(first);
		const second = ids(1, { startTime: sameSecond });
		expect(segmentIds(await trigger.poll())).toEqual(second);
		expect(await trigger.poll()).toEqual([]);
		expect(pbx.stats.byRoute[STAMP]).toBe(1);
		// Activation: the count, the last row, the empty page after it; each later poll: new rows, then the empty page.
		expect(pbx.stats.byRoute[HISTORY]).toBe(3 + 2 + 2 + 1);
	});

	it('emits only calls of the given extensions or numbers, and rejects a malformed one before sending', async () => {
		const filtered = new ActiveTrigger({ event: 'callRecord', numbers: '105, +4930555' }, credentialsFor(pbx));
		await filtered.poll();
		const [from105] = ids(1, { from: '105', to: '200' });
		ids(1, { from: '106', to: '200' });
		const [toExternal] = ids(1, { from: '106', to: '+4930555' });
		expect(segmentIds(await filtered.poll())).toEqual([from105, toExternal]);

		pbx.resetStats();
		const malformed = new ActiveTrigger({ event: 'callRecord', numbers: "100, 1 or 1'" }, credentialsFor(pbx));
		await expect(malformed.poll()).rejects.toThrow(/Extensions or Numbers: "1 or 1'" is not an extension or phone number/);
		const tooMany = new ActiveTrigger({ event: 'callRecord', numbers: Array.from({ length: 26 }, (_, i) => 200 + i).join(',') }, credentialsFor(pbx));
		await expect(tooMany.poll()).rejects.toThrow('Extensions or Numbers: at most 25 numbers, not 26');
		expect(pbx.stats.requests).toBe(0);
	});

	it('starts afresh when the user switches to another event', async () => {
		await trigger.poll();
		ids(2);
		const switched = new ActiveTrigger({ event: 'eventLog' }, credentialsFor(pbx));
		switched.staticData = trigger.staticData;
		expect(await switched.poll()).toEqual([]);
		expect(switched.cursor).toMatchObject({ event: 'eventLog', last: pbx.state.EventLogs.at(-1)!.Id });
		expect(switched.cursor.stamp).toBeUndefined();
	});

	it('moves to the call log when the PBX is updated to 20.0.6 or later, with no gap and no replay', async () => {
		await trigger.poll();
		const before = ids(2);
		expect(segmentIds(await trigger.poll())).toEqual(before);
		pbx.setVersion('20.0.6.200');
		// The version is read once an hour: the update is noticed then.
		trigger.cursor.versionReadAt = Number(trigger.cursor.versionReadAt) - 61 * MINUTE;
		const afterUpdate = addCalls(pbx, 3);
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(afterUpdate));
		expect(await trigger.poll()).toEqual([]);
		const later = addCalls(pbx, 1);
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(later));
	});
});

describe('3CX Trigger: New Call Record on 20.0.6–20.0.10 (the call log, GetCallLogData)', () => {
	let pbx: FakePbx;
	let trigger: ActiveTrigger;

	beforeEach(async () => {
		pbx = await startPbx({ version: '20.0.10.1000' });
		trigger = new ActiveTrigger({ event: 'callRecord' }, credentialsFor(pbx));
	});

	afterEach(async () => await pbx.stop());

	it('does not replay the calls of the last hours on activation, then emits each new call exactly once', async () => {
		const recent = addCalls(pbx, 3, { startTime: at(Date.now() - 10 * MINUTE) });
		expect(await trigger.poll()).toEqual([]);
		expect(pbx.state.CallHistoryView.length).toBe(500);
		const first = addCalls(pbx, 2);
		const emitted = await trigger.poll();
		expect(cdrIds(emitted)).toEqual(cdrIds(first));
		expect(emitted[0]).toEqual(first[0]);
		expect(emitted[0]).toMatchObject({ SourceDn: '100', DestinationDn: '101', TalkingDuration: 'PT30S' });
		expect(await trigger.poll()).toEqual([]);
		const second = addCalls(pbx, 3);
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(second));
		expect(cdrIds(await trigger.poll())).not.toEqual(expect.arrayContaining(cdrIds(recent)));
		// CallHistoryView holds only calls from before the update: the trigger does not read it.
		expect(pbx.stats.byRoute[HISTORY]).toBeUndefined();
	});

	it('sends the 11 arguments as live-tested clients do, and pages within $top', async () => {
		const asked: string[] = [];
		pbx.onRequest(CALL_LOG, ({ query }) => asked.push(`${query.$top} ${query.$skip} ${query.$orderby}`));
		await trigger.poll();
		addCalls(pbx, 2);
		await trigger.poll();
		expect(asked).toEqual(['500 0 StartTime asc', '500 0 StartTime asc', '500 2 StartTime asc']);
		expect(Object.keys(pbx.stats.byRoute).filter((route) => route.includes(CALL_LOG))).toEqual([
			"GET /ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom},periodTo={periodTo},sourceType={sourceType},sourceFilter={sourceFilter},destinationType={destinationType},destinationFilter={destinationFilter},callsType={callsType},callTimeFilterType={callTimeFilterType},callTimeFilterFrom={callTimeFilterFrom},callTimeFilterTo={callTimeFilterTo},hidePcalls={hidePcalls})",
		]);
	});

	it('tells apart several calls in the same second, across polls', async () => {
		await trigger.poll();
		const second = Math.floor(Date.now() / 1000) * 1000;
		const before = addCalls(pbx, 3, { startTime: at(second) });
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(before));
		const after = [...addCalls(pbx, 2, { startTime: at(second) }), ...addCalls(pbx, 1, { startTime: at(second + 1000) })];
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(after));
		expect(await trigger.poll()).toEqual([]);
	});

	it('reads more than one page of new calls in one poll, oldest first', async () => {
		await trigger.poll();
		const start = Date.now() - 30 * MINUTE;
		const added = Array.from({ length: 1234 }, (_, i) => pbx.addCall({ startTime: at(start + i * 1000) }));
		pbx.resetStats();
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(added));
		// Pages of 500 (the call log takes large pages): 500, 500, 234, then the empty page.
		expect(callLogReads(pbx)).toBe(4);
		expect(await trigger.poll()).toEqual([]);
	});

	it('loses nothing and repeats nothing when calls are written while it pages, earlier ones included', async () => {
		await trigger.poll();
		const start = Date.now() - 60 * MINUTE;
		const added = Array.from({ length: 700 }, (_, i) => pbx.addCall({ startTime: at(start + i * 1000) }));
		let writtenMidPaging: IDataObject[] = [];
		let pages = 0;
		pbx.onRequest(CALL_LOG, () => {
			pages++;
			// After the first page: a long call that started before everything read so far (it shifts
			// every page by one) and two calls of now.
			if (pages === 2) writtenMidPaging = [pbx.addCall({ startTime: at(start - MINUTE), seconds: 3600 }), ...addCalls(pbx, 2)];
		});
		const firstPoll = await trigger.poll();
		const secondPoll = await trigger.poll();
		const all = cdrIds([...firstPoll, ...secondPoll]);
		expect(writtenMidPaging).toHaveLength(3);
		expect(new Set(all).size).toBe(all.length);
		expect(new Set(all)).toEqual(new Set(cdrIds([...added, ...writtenMidPaging])));
		expect(await trigger.poll()).toEqual([]);
	});

	it('leaves a backlog larger than one poll may emit to the next polls, though each poll reads the window from its start', async () => {
		await trigger.poll();
		const start = Date.now() - 60 * MINUTE;
		const added = Array.from({ length: 5300 }, (_, i) => pbx.addCall({ startTime: at(start + i * 500) }));
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(added.slice(0, 5000)));
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(added.slice(5000)));
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits a long call written after later, shorter ones (stamped with its earlier start)', async () => {
		await trigger.poll();
		const [short] = addCalls(pbx, 1);
		expect(cdrIds(await trigger.poll())).toEqual([short.CdrId]);
		const [long] = addCalls(pbx, 1, { startTime: at(Date.now() - 90 * MINUTE), seconds: 90 * 60 });
		// LastCdrStartedAt did not move (the long call started earlier): read anyway once the stamp is 5 minutes old.
		expect(await trigger.poll()).toEqual([]);
		trigger.cursor.stampReadAt = Number(trigger.cursor.stampReadAt) - 5 * MINUTE;
		expect(cdrIds(await trigger.poll())).toEqual([long.CdrId]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits a call that lasted longer than the window when it ends: the window reaches back to the oldest call still going', async () => {
		const established = Date.now() - 5 * 60 * MINUTE;
		const active = pbx.add('ActiveCalls', { Caller: '100', Callee: '+4930555', EstablishedAt: at(established) });
		await trigger.poll();
		addCalls(pbx, 1);
		expect(await trigger.poll()).toHaveLength(1);
		// The 5-hour call ends: its row, started then, is written now.
		pbx.state.ActiveCalls.splice(pbx.state.ActiveCalls.indexOf(active), 1);
		const [long] = addCalls(pbx, 1, { startTime: at(established), seconds: 5 * 60 * 60 });
		trigger.cursor.stampReadAt = Number(trigger.cursor.stampReadAt) - 5 * MINUTE;
		expect(cdrIds(await trigger.poll())).toEqual([long.CdrId]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('skips reading the call log while LastCdrAndChatMessageTimestamp stays put', async () => {
		await trigger.poll();
		pbx.resetStats();
		expect(await trigger.poll()).toEqual([]);
		expect(await trigger.poll()).toEqual([]);
		expect(pbx.stats.byRoute[STAMP]).toBe(2);
		expect(callLogReads(pbx)).toBe(0);
		const [added] = addCalls(pbx, 1);
		expect(cdrIds(await trigger.poll())).toEqual([added.CdrId]);
		expect(callLogReads(pbx)).toBe(2);
	});

	it('keeps only the calls of its window in the cursor', async () => {
		await trigger.poll();
		addCalls(pbx, 2, { startTime: at(Date.now() - 3 * 60 * MINUTE) });
		const recent = addCalls(pbx, 2);
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(recent));
		const seen = Object.keys((trigger.cursor.callLog as { seen: Record<string, number> }).seen);
		expect(seen.sort()).toEqual(cdrIds(recent).sort());
	});

	it('takes a PBX whose system status it may not read for a current one (call log)', async () => {
		pbx.failNext({ status: 403, route: 'GET /SystemStatus', times: 1 });
		expect(await trigger.poll()).toEqual([]);
		const added = addCalls(pbx, 2);
		expect(cdrIds(await trigger.poll())).toEqual(cdrIds(added));
		expect(pbx.stats.byRoute['GET /SystemStatus']).toBe(1);
	});

	it('emits only calls of the given extensions or numbers', async () => {
		const filtered = new ActiveTrigger({ event: 'callRecord', numbers: '105, +4930555' }, credentialsFor(pbx));
		await filtered.poll();
		const [from105] = addCalls(pbx, 1, { from: '105', to: '200' });
		addCalls(pbx, 1, { from: '106', to: '200' });
		const [toExternal] = addCalls(pbx, 1, { from: '106', to: '+4930555' });
		expect(cdrIds(await filtered.poll())).toEqual([from105.CdrId, toExternal.CdrId]);
	});
});
