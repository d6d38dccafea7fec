import { settle, type Settled } from '../../shared/helpers/settle';
import { knownTopLimit, learnTopLimit, topLimitOf, type TopLimitScope } from '../../shared/transport/topLimit';

/** Rows per request when paging: live PBXs refuse a `$top` above 100 on entity sets. */
export const PAGE_SIZE = 100;

/**
 * Pages requested at once after the first: at 100 rows a page, round trips to a hosted PBX are
 * what a large Return All costs, and a few in flight hide most of them without crowding the PBX.
 */
export const PAGES_IN_FLIGHT = 4;

/**
 * The most items one input item may turn into. n8n's declarative engine hands on each input item's
 * results in one spread call, which overflows the call stack somewhere above 120,000 items (Node 20).
 */
export const MAX_ITEMS_PER_INPUT_ITEM = 100_000;

export interface PagingOptions {
	limit: number;
	startAt?: number;
	/** Rows to ask for per page; what the PBX is known to accept at `scope` caps it. */
	pageSize?: number;
	pagesInFlight?: number;
	/** Where the PBX's `$top` limit holds: a refusal naming it is learned there and the page asked again. */
	scope: TopLimitScope;
	/**
	 * The PBX applies `$top`/`$skip` before `$filter` (GetCallLogData), so a short page is no end:
	 * this says whether any row, filtered or not, sits at a position.
	 */
	rowExistsAt?: (skip: number) => Promise<boolean>;
}

interface PlannedPage<Row> {
	skip: number;
	top: number;
	/** Settled, so that a later page's failure waits, handled, until the pages before it are in. */
	result: Promise<Settled<{ rows: Row[]; more?: boolean }>>;
}

/**
 * Walks `$top`/`$skip` pages in the PBX's order until `limit` rows are collected or the rows end.
 * The first page goes alone (most collections fit in it); then up to `pagesInFlight` pages are
 * requested at once, each kept under its own `$skip`, so a page that fails and is retried by the
 * transport neither repeats nor loses rows. `fetchPage` returns a page's rows in the form the
 * caller keeps, so that each row is handled once.
 */
export async function collectPages<Row>(
	fetchPage: (top: number, skip: number) => Promise<Row[]>,
	{ limit, startAt = 0, pageSize = PAGE_SIZE, pagesInFlight = PAGES_IN_FLIGHT, scope, rowExistsAt }: PagingOptions,
): Promise<Row[]> {
	const rows: Row[] = [];
	let size = Math.min(pageSize, knownTopLimit(scope) ?? pageSize);
	let window = 1;
	let nextSkip = startAt;
	let planned = 0; // rows the pages in flight may still add
	const inFlight: Array<PlannedPage<Row>> = [];

	const plan = () => {
		while (inFlight.length < window && rows.length + planned < limit) {
			// With paging before filtering, a page's rows are unknown: plan positions, trim at the end.
			const top = rowExistsAt ? size : Math.min(size, limit - rows.length - planned);
			const skip = nextSkip;
			const result = settle(Promise.all([fetchPage(top, skip), rowExistsAt?.(skip + top)]).then(([pageRows, more]) => ({ rows: pageRows, more })));
			inFlight.push({ skip, top, result });
			nextSkip += top;
			if (!rowExistsAt) planned += top;
		}
	};

	plan();
	while (inFlight.length > 0) {
		const page = inFlight.shift()!;
		if (!rowExistsAt) planned -= page.top;
		const settled = await page.result;
		if (!settled.ok) {
			const limitNamed = topLimitOf(settled.error);
			// Any other failure is already the readable error the transport made of it.
			if (limitNamed === undefined || limitNamed >= page.top) throw settled.error;
			learnTopLimit(scope, limitNamed);
			// Pages in flight asked for the refused size too: start again from this one at the named size.
			size = limitNamed;
			inFlight.length = 0;
			planned = 0;
			nextSkip = page.skip;
			plan();
			continue;
		}
		const answer = settled.value;
		for (const row of answer.rows) rows.push(row);
		const ended = rowExistsAt ? answer.more === false : answer.rows.length < page.top;
		if (ended || rows.length >= limit) break;
		window = pagesInFlight;
		plan();
	}
	// Pages already asked for past the end add nothing, but none outlives the node's run.
	await Promise.allSettled(inFlight.map((page) => page.result));
	return rows.length > limit ? rows.slice(0, limit) : rows;
}
