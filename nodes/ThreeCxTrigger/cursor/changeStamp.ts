import type { XapiReader, XapiSource } from '../transport/reader';
import { asNodeApiError } from '../../shared/transport/errors';
import { isNotFound } from '../transport/reader';
import type { CursorState } from './state';

export const STAMPS: XapiSource = { path: '/LastCdrAndChatMessageTimestamp', versions: '3CX 20.0.7 and later' };

/** Fields of 3CX's one-row LastCdrAndChatMessageTimestamp set (20.0.7 and later). */
export type StampField = 'LastCdrStartedAt' | 'LastChatMessageTimeSent';

/**
 * The stamp can stay put while records are written: LastCdrStartedAt is a start time and a call
 * record is written when the call ends, so a long call ending after a shorter, later one leaves it
 * unchanged; so do two records stamped the same instant but written at different polls. The stamp
 * may therefore only delay a read, never replace it: the collection is read at least this often.
 */
export const FULL_READ_EVERY_MS = 5 * 60 * 1000;

/** An update of the PBX to 20.0.7 or later is noticed within a day. */
const REPROBE_MISSING_MS = 24 * 60 * 60 * 1000;

/**
 * The stamp, null when 3CX has nothing stamped yet, or undefined when this PBX has no such set
 * (before 20.0.7; its 404 is remembered so older PBXs are not asked every poll).
 */
export async function readStamp(reader: XapiReader, field: StampField, state: CursorState): Promise<string | null | undefined> {
	const now = Date.now();
	if (typeof state.stampMissingAt === 'number' && now - state.stampMissingAt < REPROBE_MISSING_MS) return undefined;
	let rows;
	try {
		rows = await reader.list(STAMPS, { $select: field });
	} catch (error) {
		if (!isNotFound(error)) throw asNodeApiError(reader.context.getNode(), error, 0);
		state.stampMissingAt = now;
		return undefined;
	}
	delete state.stampMissingAt;
	const value = rows[0]?.[field];
	return typeof value === 'string' ? value : null;
}

/** Whether the stamp shows that 3CX wrote nothing since the last complete read. */
export function unchangedSinceLastRead(state: CursorState, stamp: string | null | undefined): boolean {
	if (stamp === undefined || state.stampReadAt === undefined) return false;
	return state.stamp === stamp && Date.now() - Number(state.stampReadAt) < FULL_READ_EVERY_MS;
}

/**
 * Remembers the stamp read before a read of the collection. Only a complete read may vouch for it:
 * after a read the budget cut short, the next poll reads on whatever the stamp says.
 */
export function rememberStamp(state: CursorState, stamp: string | null | undefined, complete: boolean): void {
	if (stamp === undefined || !complete) {
		delete state.stamp;
		delete state.stampReadAt;
		return;
	}
	state.stamp = stamp;
	state.stampReadAt = Date.now();
}
