import type { IDataObject, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';
import { pollBudget } from '../cursor/budget';
import { readStamp, rememberStamp, STAMPS, unchangedSinceLastRead, type StampField } from '../cursor/changeStamp';
import { newestKey, newestRow, rowsAfter, type KeysetQuery } from '../cursor/keyset';
import type { CursorState } from '../cursor/state';
import type { XapiReader } from '../transport/reader';
import type { TriggerEvent } from './types';

/** A history 3CX only appends to (call records, messages, logs), followed by its growing key. */
export interface AppendOnlyDefinition extends Omit<KeysetQuery, 'filter'> {
	option: INodePropertyOptions & { value: string };
	/** The LastCdrAndChatMessageTimestamp field that moves when this history grows. */
	stamp?: StampField;
	/** The user's filter from the node parameters (validated: throws before anything is sent). */
	filter?: (context: IPollFunctions) => string | undefined;
	/** The fields `filter` names. */
	filterFields?: string[];
	/** Emit one row per value of the key (the first message of each new conversation). */
	firstRowPerKey?: true;
}

function firstPerKey(rows: IDataObject[], key: string): IDataObject[] {
	const seen = new Set<unknown>();
	const firsts: IDataObject[] = [];
	for (const row of rows) {
		if (seen.has(row[key])) continue;
		seen.add(row[key]);
		firsts.push(row);
	}
	return firsts;
}

export function appendOnlyEvent(definition: AppendOnlyDefinition): TriggerEvent {
	const { option, stamp: stampField, filter, filterFields = [], firstRowPerKey, ...keyset } = definition;
	const queryFor = (reader: XapiReader): KeysetQuery => ({ ...keyset, filter: filter?.(reader.context) });
	const fields = [keyset.key, ...(keyset.thenBy ? [keyset.thenBy.split(' ')[0]] : []), ...(keyset.select?.split(',') ?? []), ...filterFields];

	return {
		option,
		reads: [{ source: keyset.source, fields }, ...(stampField ? [{ source: STAMPS, fields: [stampField] }] : [])],
		async sample(reader) {
			return await newestRow(reader, queryFor(reader));
		},
		async poll(reader: XapiReader, state: CursorState) {
			const query = queryFor(reader);
			// Read before the collection: whatever 3CX writes in between is caught now or moves the stamp.
			const stamp = stampField ? await readStamp(reader, stampField, state) : undefined;
			if (state.ready !== true) {
				// First poll: history up to here is not news. The user's filter plays no part in the cursor.
				state.last = await newestKey(reader, query);
				state.ready = true;
				rememberStamp(state, stamp, true);
				return [];
			}
			if (unchangedSinceLastRead(state, stamp)) return [];
			const read = await rowsAfter(reader, query, state.last as number | null, pollBudget(reader.context));
			state.last = read.last;
			rememberStamp(state, stamp, read.complete);
			return firstRowPerKey ? firstPerKey(read.rows, keyset.key) : read.rows;
		},
	};
}
