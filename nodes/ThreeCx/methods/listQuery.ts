import type { IDataObject } from 'n8n-workflow';
import type { LocatorSet } from '../odata/endpoint';
import { queryStringLiteral } from '../odata/literal';

/** A search box rarely holds more words than this; more would only lengthen the URL. */
const MAX_TERMS = 8;

/**
 * The $filter for what a user typed: every word must occur (case-insensitively) in one of the
 * fields, so "ann smi" finds Ann Smith. Undefined for an empty search.
 */
export function searchFilter(fields: string[], search?: string): string | undefined {
	const terms = (search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
	if (!terms.length) return undefined;
	return terms
		.map((term) => `(${fields.map((field) => `contains(tolower(${field}),${queryStringLiteral(term)})`).join(' or ')})`)
		.join(' and ');
}

function valueAt(row: IDataObject, path: string): string {
	let value: unknown = row;
	for (const part of path.split('/')) value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
	return value === null || value === undefined ? '' : String(value).trim();
}

/** "100 — Alice Smith": the title's field groups, empty ones left out. */
export function listEntryName(locator: LocatorSet, row: IDataObject): string {
	const parts = locator.title.map((group) => group.map((field) => valueAt(row, field)).filter(Boolean).join(' ')).filter(Boolean);
	return parts.length ? parts.join(' — ') : `${locator.label} ${String(row.Id)}`;
}
