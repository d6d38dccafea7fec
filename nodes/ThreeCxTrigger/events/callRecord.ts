import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { pollBudget } from '../cursor/budget';
import { CALL_LOG, hasCallLogCursor, newCallLogRows, newestCallLogRow, startCallLog } from '../cursor/callLog';
import { readStamp, rememberStamp, STAMPS, unchangedSinceLastRead } from '../cursor/changeStamp';
import { pbxVersion, versionAtLeast } from '../cursor/pbxVersion';
import type { CursorState } from '../cursor/state';
import { anyFieldEquals, numbersParameter } from '../filters';
import type { XapiReader } from '../transport/reader';
import { appendOnlyEvent } from './appendOnly';
import type { TriggerEvent } from './types';

const HISTORY_NUMBERS = ['SrcDn', 'DstDn', 'SrcCallerNumber', 'DstCallerNumber'];
const CALL_LOG_NUMBERS = ['SourceDn', 'DestinationDn', 'SourceCallerId', 'DestinationCallerId'];
const numbers = (context: IPollFunctions) => numbersParameter(context, 'numbers', 'Extensions or Numbers');

/** Up to 20.0.5 every call is in CallHistoryView, which only grows: followed by SegmentId. */
const history = appendOnlyEvent({
	option: { name: 'New Call Record', value: 'callRecord' },
	source: { path: '/CallHistoryView', largeTop: true, oldestFirstOnly: true },
	key: 'SegmentId',
	stamp: 'LastCdrStartedAt',
	filter: (context) => anyFieldEquals(HISTORY_NUMBERS, numbers(context)),
	filterFields: HISTORY_NUMBERS,
});

/** From 20.0.6 new calls go to the call log; CallHistoryView keeps only the calls from before. */
const CALL_LOG_FROM = '20.0.6';

/** The user's numbers, applied here: the call log pages before it filters, so $filter cannot page it. */
function partyFilter(context: IPollFunctions): (row: IDataObject) => boolean {
	const wanted = new Set(numbers(context));
	return (row) => wanted.size === 0 || CALL_LOG_NUMBERS.some((field) => wanted.has(String(row[field] ?? '')));
}

/** Unknown versions are taken as current ones: every update since 20.0.6 keeps calls in the call log. */
async function usesCallLog(reader: XapiReader, state: CursorState): Promise<boolean> {
	const version = await pbxVersion(reader, state);
	return version === undefined || versionAtLeast(version, CALL_LOG_FROM);
}

async function pollCallLog(reader: XapiReader, state: CursorState): Promise<IDataObject[]> {
	const keep = partyFilter(reader.context);
	const stamp = await readStamp(reader, 'LastCdrStartedAt', state);
	const budget = pollBudget(reader.context);
	if (!hasCallLogCursor(state)) {
		// After an update from 20.0.5: calls since the last read of CallHistoryView are news (an update
		// restarts the PBX, so no call spans it).
		const since = state.ready === true && typeof state.historyReadAt === 'number' ? state.historyReadAt : undefined;
		await startCallLog(reader, state, budget, since);
		delete state.last;
		if (since === undefined) {
			state.ready = true;
			rememberStamp(state, stamp, true);
			return [];
		}
	}
	state.ready = true;
	if (unchangedSinceLastRead(state, stamp)) return [];
	const read = await newCallLogRows(reader, state, budget);
	rememberStamp(state, stamp, read.complete);
	return read.rows.filter(keep);
}

export const callRecord: TriggerEvent = {
	option: {
		name: 'New Call Record',
		value: 'callRecord',
		description:
			'A call (one row per call segment) was written to the call history: the call log (GetCallLogData) from 3CX 20.0.6, CallHistoryView before. Needs the System Owner role.',
	},
	reads: [
		...history.reads,
		{ source: CALL_LOG, fields: ['CdrId', 'StartTime', ...CALL_LOG_NUMBERS] },
		{ source: STAMPS, fields: ['LastCdrStartedAt'] },
		{ source: { path: '/ActiveCalls' }, fields: ['Id', 'EstablishedAt'] },
	],
	async sample(reader) {
		numbers(reader.context); // a malformed number fails before anything is sent
		const scratch: CursorState = {};
		if (await usesCallLog(reader, scratch)) return await newestCallLogRow(reader, partyFilter(reader.context));
		return await history.sample(reader);
	},
	async poll(reader, state) {
		numbers(reader.context); // a malformed number fails before anything is sent
		if (await usesCallLog(reader, state)) return await pollCallLog(reader, state);
		if (hasCallLogCursor(state)) {
			// Back on CallHistoryView (the PBX reports an older update): start over there.
			delete state.callLog;
			state.ready = false;
		}
		const rows = await history.poll(reader, state);
		state.historyReadAt = Date.now();
		return rows;
	},
};
