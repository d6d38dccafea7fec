import type { IDataObject } from 'n8n-workflow';
import type { XapiReader, XapiSource } from '../transport/reader';
import { READ_PAGE, type ReadBudget } from './keyset';
import { currentRows } from './snapshot';
import type { CursorState } from './state';

/**
 * The call log of 3CX 20.0.6 and later: ReportCallLogData/Pbx.GetCallLogData(...), one row per call
 * segment, keyed by CdrId (a GUID, no order), stamped with the segment's start time. It has no
 * growing key, and it pages BEFORE it applies $filter, so "key gt last" cannot page it. The cursor
 * is a time window instead: each poll reads every row that started in [from, now + a day] over the
 * function's own period, and a set of the CdrIds already seen in that window drops what was emitted.
 *
 * - A call is written when it ends but stamped with its start: `from` trails the clock by LOOKBACK,
 *   and the start of the oldest call still going (ActiveCalls) by as much, so a call is in the window
 *   when it is written, however long it lasted.
 * - Rows written while the poll pages shift the $skip pages: a row is then read twice (dropped as
 *   seen) or not at all this time (it is still in the window next poll). Nothing is lost.
 * - Several calls in one second are told apart by CdrId, not by time.
 * - periodTo is a day ahead of n8n's clock, so a PBX clock ahead of n8n's loses nothing.
 */
export const CALL_LOG_TEMPLATE =
	'/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom},periodTo={periodTo},sourceType={sourceType},sourceFilter={sourceFilter},' +
	'destinationType={destinationType},destinationFilter={destinationFilter},callsType={callsType},callTimeFilterType={callTimeFilterType},' +
	'callTimeFilterFrom={callTimeFilterFrom},callTimeFilterTo={callTimeFilterTo},hidePcalls={hidePcalls})';

/** 20.0.4–20.0.5 have the function too, in an older shape (no CdrId): there the trigger reads CallHistoryView. */
export const CALL_LOG: XapiSource = { path: CALL_LOG_TEMPLATE, versions: '3CX 20.0.6 and later', largeTop: true, notReadBefore: true };

/** How long after its start a call segment may still be written and caught. */
export const LOOKBACK_MS = 2 * 60 * 60 * 1000;
const AHEAD_MS = 24 * 60 * 60 * 1000;
/** How far back "fetch test event" looks for a call. */
const SAMPLE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const ACTIVE_CALLS = { source: { path: '/ActiveCalls' }, key: 'Id', select: 'Id,EstablishedAt' };
/** An active call older than this is taken as a stuck entry: it holds the window back no further. */
const LONGEST_CALL_MS = 24 * 60 * 60 * 1000;

/**
 * Where the window may start: LOOKBACK before now or before the oldest call still going, whichever
 * is earlier. Read before the call log, so a call that ends in between is in the log read.
 */
async function windowStart(reader: XapiReader, now: number): Promise<number> {
	let oldest = now;
	for (const call of await currentRows(reader, ACTIVE_CALLS)) {
		const established = typeof call.EstablishedAt === 'string' ? Date.parse(call.EstablishedAt) : NaN;
		if (established < oldest) oldest = established;
	}
	return Math.max(oldest, now - LONGEST_CALL_MS) - LOOKBACK_MS;
}

/** The function with all 11 arguments, as live-tested clients send them: all calls, UTC, period unquoted. */
function callLogSource(from: number, to: number): XapiSource {
	const period = (time: number) => encodeURIComponent(new Date(time).toISOString());
	const request =
		`/ReportCallLogData/Pbx.GetCallLogData(periodFrom=${period(from)},periodTo=${period(to)},sourceType=0,sourceFilter='',` +
		"destinationType=0,destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true)";
	return { ...CALL_LOG, request };
}

/** CdrId; a row without one (never seen on 20.0.6+) is known by its call, segment and start. */
function keyOf(row: IDataObject): string {
	if (typeof row.CdrId === 'string' && row.CdrId !== '') return row.CdrId;
	return JSON.stringify([row.CallId ?? null, row.SegmentId ?? null, row.StartTime ?? null, row.SourceDn ?? null, row.DestinationDn ?? null]);
}

function startOf(row: IDataObject, fallback: number): number {
	const time = typeof row.StartTime === 'string' ? Date.parse(row.StartTime) : NaN;
	return Number.isNaN(time) ? fallback : time;
}

/**
 * Reads every row that started in [from, to), page by page ($skip), handing each to `take`, until
 * an empty page (complete), `take` has accepted budget.maxRows rows, or the deadline.
 */
async function readWindow(reader: XapiReader, from: number, to: number, budget: ReadBudget, take: (row: IDataObject) => boolean): Promise<boolean> {
	const source = callLogSource(from, to);
	let taken = 0;
	for (let skip = 0; taken < budget.maxRows && Date.now() < budget.deadline; ) {
		const page = await reader.list(source, { $orderby: 'StartTime asc', $skip: skip, $top: READ_PAGE });
		if (page.length === 0) return true;
		for (const row of page) if (take(row)) taken++;
		skip += page.length;
	}
	return false;
}

/** The cursor as kept in the workflow's static data. */
interface CallLogCursor {
	from: number;
	/** CdrId → start time (ms) of every row seen in the window. */
	seen: Record<string, number>;
}

function cursorOf(state: CursorState): CallLogCursor | undefined {
	const cursor = state.callLog as CallLogCursor | undefined;
	return cursor && typeof cursor.from === 'number' && cursor.seen && typeof cursor.seen === 'object' ? cursor : undefined;
}

/**
 * First poll on the call log: what is in the window now is not news. `since` (the last read of
 * CallHistoryView, when the PBX was just updated to 20.0.6) makes calls after it news.
 */
export async function startCallLog(reader: XapiReader, state: CursorState, budget: ReadBudget, since?: number): Promise<void> {
	const now = Date.now();
	if (since !== undefined) {
		state.callLog = { from: Math.min(since, now), seen: {} } satisfies CallLogCursor;
		return;
	}
	const from = await windowStart(reader, now);
	const seen: Record<string, number> = {};
	await readWindow(reader, from, now + AHEAD_MS, { ...budget, maxRows: Infinity }, (row) => {
		seen[keyOf(row)] = startOf(row, now);
		return false;
	});
	state.callLog = { from, seen } satisfies CallLogCursor;
}

export function hasCallLogCursor(state: CursorState): boolean {
	return cursorOf(state) !== undefined;
}

/**
 * Rows not seen before, oldest start first, at most budget.maxRows (the rest come next poll: the
 * seen ones are skipped then). The window moves on only after a complete read.
 */
export async function newCallLogRows(reader: XapiReader, state: CursorState, budget: ReadBudget): Promise<{ rows: IDataObject[]; complete: boolean }> {
	const cursor = cursorOf(state);
	if (!cursor) throw reader.fail('The call log cursor is missing');
	const now = Date.now();
	const start = await windowStart(reader, now);
	const fresh: IDataObject[] = [];
	const complete = await readWindow(reader, cursor.from, now + AHEAD_MS, budget, (row) => {
		const key = keyOf(row);
		if (key in cursor.seen) return false;
		cursor.seen[key] = startOf(row, now);
		fresh.push(row);
		return true;
	});
	if (complete) {
		cursor.from = Math.max(cursor.from, start);
		// A row that started before the window can no longer be answered, so need not be remembered.
		for (const [key, start] of Object.entries(cursor.seen)) if (start < cursor.from) delete cursor.seen[key];
	}
	// Stable: rows of one start time keep the PBX's order.
	const ordered = fresh.map((row, index) => ({ row, index, start: startOf(row, now) })).sort((a, b) => a.start - b.start || a.index - b.index);
	return { rows: ordered.map((entry) => entry.row), complete };
}

/** The newest call of the last days (what "fetch test event" shows), among those `keep` accepts. */
export async function newestCallLogRow(reader: XapiReader, keep: (row: IDataObject) => boolean): Promise<IDataObject[]> {
	const now = Date.now();
	const page = await reader.list(callLogSource(now - SAMPLE_DAYS * DAY_MS, now + AHEAD_MS), { $orderby: 'StartTime desc', $top: READ_PAGE });
	const newest = page.filter(keep).sort((a, b) => startOf(b, 0) - startOf(a, 0))[0];
	return newest ? [newest] : [];
}
