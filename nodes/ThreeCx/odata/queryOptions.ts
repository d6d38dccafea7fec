import type { IDataObject } from 'n8n-workflow';
import type { QueryOption, QueryOptions } from './endpoint';

/** The Options collection as the user filled it in. */
export interface QueryOptionValues {
	top?: number;
	skip?: number;
	search?: string;
	filter?: string;
	count?: boolean;
	select?: string;
	orderby?: string;
	expand?: string;
	ifMatch?: string;
}

/** $search treats spaces as separate terms; a phrase with spaces is what a user means, so quote it. */
export function searchPhrase(search: string): string {
	const trimmed = search.trim();
	if (!/\s/.test(trimmed) || /^".*"$/.test(trimmed)) return trimmed;
	return `"${trimmed.replace(/"/g, '\\"')}"`;
}

/** The OData system query options for the options the operation allows. */
export function queryString(options: QueryOptionValues, allowed: QueryOptions = ''): IDataObject {
	const qs: IDataObject = {};
	const allow = (letter: QueryOption) => allowed.includes(letter);
	if (allow('t') && options.top !== undefined) qs.$top = options.top;
	if (allow('k') && options.skip !== undefined) qs.$skip = options.skip;
	if (allow('s') && options.search) qs.$search = searchPhrase(options.search);
	if (allow('f') && options.filter) qs.$filter = options.filter;
	if (allow('c') && options.count) qs.$count = true;
	if (allow('l') && options.select) qs.$select = options.select;
	if (allow('o') && options.orderby) qs.$orderby = options.orderby;
	if (allow('e') && options.expand) qs.$expand = options.expand;
	return qs;
}
