/** Rows per request when paging: large enough for few round trips, small enough for 3CX to answer quickly. */
export const PAGE_SIZE = 500;

/**
 * The most items one input item may turn into. n8n's declarative engine hands on each input item's
 * results in one spread call, which overflows the call stack somewhere above 120,000 items (Node 20).
 */
export const MAX_ITEMS_PER_INPUT_ITEM = 100_000;

/**
 * Walks $top/$skip pages until `limit` rows are collected or a page comes back short.
 * `fetchPage` gets the $top and $skip to ask for and returns that page's rows, already in the
 * form the caller keeps, so that each row is handled once.
 */
export async function collectPages<Row>(
	fetchPage: (top: number, skip: number) => Promise<Row[]>,
	{ limit, startAt = 0, pageSize = PAGE_SIZE }: { limit: number; startAt?: number; pageSize?: number },
): Promise<Row[]> {
	const rows: Row[] = [];
	let skip = startAt;
	while (rows.length < limit) {
		const top = Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(top, skip);
		for (const row of page) rows.push(row);
		if (page.length < top) break;
		skip += page.length;
	}
	return rows;
}
