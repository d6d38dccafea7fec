import type { IDataObject } from 'n8n-workflow';

/** Rows per request when paging: large enough for few round trips, small enough for 3CX to answer quickly. */
export const PAGE_SIZE = 500;

export interface CollectionPage {
	rows: IDataObject[];
	count?: number;
}

/**
 * Walks $top/$skip pages until `limit` rows are collected or a page comes back short.
 * `fetchPage` gets the $top and $skip to ask for.
 */
export async function collectPages(
	fetchPage: (top: number, skip: number) => Promise<CollectionPage>,
	{ limit, startAt = 0, pageSize = PAGE_SIZE }: { limit: number; startAt?: number; pageSize?: number },
): Promise<CollectionPage> {
	const rows: IDataObject[] = [];
	let count: number | undefined;
	let skip = startAt;
	while (rows.length < limit) {
		const top = Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(top, skip);
		count ??= page.count;
		for (const row of page.rows) rows.push(row);
		if (page.rows.length < top) break;
		skip += page.rows.length;
	}
	return { rows, count };
}
