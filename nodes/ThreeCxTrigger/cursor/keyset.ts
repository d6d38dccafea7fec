import type { IDataObject } from 'n8n-workflow';
import type { ListQuery, XapiReader, XapiSource } from '../transport/reader';

/** Rows asked for per page; the reader lowers it to what the source accepts (100 on entity sets). */
export const READ_PAGE = 500;

/**
 * A collection read in the order of a key that grows as 3CX writes records (SegmentId, MessageId,
 * Id…). Timestamps are no cursor here: a call record carries its start time but is written when
 * the call ends, so a long call lands behind shorter, later ones; its key is still the newest.
 */
export interface KeysetQuery {
	source: XapiSource;
	key: string;
	/**
	 * Ordering among rows that share a key value (ChatHistoryView has many rows per conversation).
	 * The next page starts after the last key, so only the first rows of a shared key are certain
	 * to be read: right for "first message of each new conversation", wrong for anything else.
	 */
	thenBy?: string;
	/** The user's filter, ANDed with the key condition. */
	filter?: string;
	select?: string;
}

/** How much one poll may read before it leaves the rest to the next poll. */
export interface ReadBudget {
	maxRows: number;
	deadline: number;
}

export const UNLIMITED: ReadBudget = { maxRows: Infinity, deadline: Infinity };

export interface KeysetRead {
	rows: IDataObject[];
	/** Key of the last row read, or `after` when nothing was new. */
	last: number | null;
	/** Whether the read reached the end of the collection (false: the budget ran out first). */
	complete: boolean;
}

function and(...terms: Array<string | undefined>): string | undefined {
	const present = terms.filter((term): term is string => !!term);
	if (present.length === 0) return undefined;
	return present.length === 1 ? present[0] : present.map((term) => `(${term})`).join(' and ');
}

function keyOf(reader: XapiReader, row: IDataObject, query: KeysetQuery): number {
	const value = row[query.key];
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw reader.fail(`3CX answered ${query.source.path} with a record whose ${query.key} is not a number`);
	}
	return value;
}

/**
 * The last row of a collection that a live PBX only lists oldest first (it ignores $orderby, so
 * "desc, $top 1" would give the oldest): count the rows, then read from the last one to the end,
 * which also catches rows written between the two requests.
 */
async function lastRowOldestFirst(reader: XapiReader, source: XapiSource, query: ListQuery): Promise<IDataObject | undefined> {
	const { count } = await reader.listWithCount(source, { ...query, $top: 0 });
	if (count === undefined) throw reader.fail(`3CX answered ${source.path} without @odata.count, so the trigger cannot find its newest record`);
	let last: IDataObject | undefined;
	for (let skip = Math.max(0, count - 1); ; ) {
		const page = await reader.list(source, { ...query, $skip: skip, $top: READ_PAGE });
		if (page.length === 0) return last;
		last = page[page.length - 1];
		skip += page.length;
	}
}

/** The newest key in the collection (ignoring the user's filter), or null when it is empty. */
export async function newestKey(reader: XapiReader, query: KeysetQuery): Promise<number | null> {
	const select = { $select: query.key };
	const row = query.source.oldestFirstOnly
		? await lastRowOldestFirst(reader, query.source, select)
		: (await reader.list(query.source, { ...select, $orderby: `${query.key} desc`, $top: 1 }))[0];
	return row === undefined ? null : keyOf(reader, row, query);
}

/** The row with the newest key that passes the user's filter (what "fetch test event" shows). */
export async function newestRow(reader: XapiReader, query: KeysetQuery): Promise<IDataObject[]> {
	if (query.source.oldestFirstOnly) {
		const row = await lastRowOldestFirst(reader, query.source, { $filter: query.filter, $select: query.select });
		return row === undefined ? [] : [row];
	}
	const orderBy = [`${query.key} desc`, query.thenBy].filter(Boolean).join(',');
	return await reader.list(query.source, { $filter: query.filter, $orderby: orderBy, $top: 1, $select: query.select });
}

/**
 * Every row whose key is greater than `after` (all rows for null), in key order. Pages are chained
 * on the key rather than $skip, so rows 3CX writes while we page neither shift a page (no
 * duplicates, no skipped rows) nor get lost: they have newer keys and come on a later page or poll.
 * Only an empty page ends the read, because 3CX may answer fewer rows than $top asked for.
 */
export async function rowsAfter(reader: XapiReader, query: KeysetQuery, after: number | null, budget: ReadBudget): Promise<KeysetRead> {
	const orderBy = [`${query.key} asc`, query.thenBy].filter(Boolean).join(',');
	const rows: IDataObject[] = [];
	let last = after;
	while (rows.length < budget.maxRows && Date.now() < budget.deadline) {
		const page = await reader.list(query.source, {
			$filter: and(last === null ? undefined : `${query.key} gt ${last}`, query.filter),
			// Where the PBX ignores $orderby, its own order (oldest first) is the key's order.
			$orderby: query.source.oldestFirstOnly ? undefined : orderBy,
			$top: Math.min(READ_PAGE, budget.maxRows - rows.length),
			$select: query.select,
		});
		if (page.length === 0) return { rows, last, complete: true };
		// The next page starts after this page's last key: a page out of order would skip rows.
		const after = last;
		page.forEach((row, index) => {
			const key = keyOf(reader, row, query);
			const floor = index === 0 ? after : last;
			const mayRepeat = index > 0 && query.thenBy !== undefined;
			if (floor !== null && (key < floor || (key === floor && !mayRepeat))) {
				throw reader.fail(`3CX did not answer ${query.source.path} in ${query.key} order after ${after ?? 'the start'}, so the trigger cannot tell what is new`);
			}
			last = key;
			rows.push(row);
		});
	}
	return { rows, last, complete: false };
}
