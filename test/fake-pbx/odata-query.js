'use strict';
// System query options ($filter $search $orderby $skip $top $count $select
// $expand) applied to a collection. Collections may be plain arrays or
// LazyRows; for the latter, unfiltered pages in natural order never build
// rows outside the requested page.
const { compileFilter, compare, orderOf } = require('./odata-filter');
const { invalidQuery } = require('./errors');

const KNOWN_OPTIONS = new Set(['$filter', '$search', '$orderby', '$skip', '$top', '$count', '$select', '$expand', '$format']);
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * @typedef {{
 *   filter: ((row: object) => boolean) | null,
 *   search: string | null,
 *   orderBy: Array<{ path: string[], descending: boolean }>,
 *   skip: number, top: number | null, count: boolean,
 *   select: string[] | null, expand: string[],
 * }} QueryOptions
 */

/** @param {URLSearchParams} params @returns {QueryOptions} */
function parseQueryOptions(params) {
	for (const name of params.keys()) {
		if (name.startsWith('$') && !KNOWN_OPTIONS.has(name)) {
			throw invalidQuery(`The query parameter '${name}' is not supported.`);
		}
	}
	const filterText = params.get('$filter');
	return {
		filter: filterText ? compileFilter(filterText) : null,
		search: parseSearch(params.get('$search')),
		orderBy: parseOrderBy(params.get('$orderby')),
		skip: parseCount('$skip', params.get('$skip')) ?? 0,
		top: parseCount('$top', params.get('$top')),
		count: parseBoolean('$count', params.get('$count')),
		select: params.has('$select') ? topLevelNames(params.get('$select')) : null,
		expand: params.has('$expand') ? topLevelNames(params.get('$expand')) : [],
	};
}

function parseCount(name, value) {
	if (value === null) return null;
	if (!/^\d+$/.test(value.trim())) throw invalidQuery(`Invalid value '${value}' for ${name} query option found.`);
	return Number(value.trim());
}

function parseBoolean(name, value) {
	if (value === null) return false;
	const normalised = value.trim().toLowerCase();
	if (normalised !== 'true' && normalised !== 'false') {
		throw invalidQuery(`'${value}' is not a valid boolean value for ${name}.`);
	}
	return normalised === 'true';
}

/** $search="ann smi" and $search=ann both mean the substring, case-insensitively. */
function parseSearch(value) {
	if (value === null) return null;
	const trimmed = value.trim().replace(/^"(.*)"$/s, '$1');
	return trimmed === '' ? null : trimmed.toLowerCase();
}

function parseOrderBy(value) {
	if (value === null || value.trim() === '') return [];
	return value.split(',').map((item) => {
		const match = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(item);
		if (!match) throw invalidQuery(`Syntax error in $orderby '${value}'.`);
		return { path: match[1].split('/'), descending: (match[2] || '').toLowerCase() === 'desc' };
	});
}

/** "Id,Groups($select=Name),Number" -> ["Id", "Groups", "Number"] */
function topLevelNames(value) {
	const names = [];
	let depth = 0;
	let current = '';
	for (const ch of value) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (ch === ',' && depth === 0) {
			names.push(current);
			current = '';
		} else {
			current += ch;
		}
	}
	names.push(current);
	return names.map((name) => name.replace(/\(.*$/s, '').trim()).filter((name) => name !== '');
}

/**
 * @param {{ length: number, at(i: number): object, orderedBy?: Set<string> }} source
 * @param {QueryOptions} options
 * @returns {{ rows: object[], count: number }}
 */
function runQuery(source, options) {
	const { skip, top } = options;
	const end = (total) => (top === null ? total : Math.min(total, skip + top));

	if (!options.filter && !options.search && naturalOrder(source, options.orderBy)) {
		const total = source.length;
		const descending = options.orderBy[0]?.descending === true;
		const rows = [];
		for (let i = skip; i < end(total); i++) rows.push(source.at(descending ? total - 1 - i : i));
		return { rows, count: total };
	}

	let rows = [];
	for (let i = firstCandidate(source, options.filter); i < source.length; i++) {
		const row = source.at(i);
		if (options.filter && !options.filter(row)) continue;
		if (options.search && !matchesSearch(row, options.search)) continue;
		rows.push(row);
	}
	if (naturalOrder(source, options.orderBy)) {
		if (options.orderBy[0]?.descending) rows.reverse();
	} else {
		rows = sortRows(rows, options.orderBy);
	}
	return { rows: rows.slice(skip, end(rows.length)), count: rows.length };
}

/**
 * Index of the first row that can match: binary search on a lower bound
 * ("SegmentStartTime gt …") over a property the rows are sorted by.
 */
function firstCandidate(source, filter) {
	const bound = filter?.lowerBounds.find((b) => source.orderedBy?.has(b.property));
	if (!bound) return 0;
	let low = 0;
	let high = source.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (compare(bound.op, source.at(middle)[bound.property], bound.value)) high = middle;
		else low = middle + 1;
	}
	return low;
}

/** True when the source is already in the requested order (or none was asked for). */
function naturalOrder(source, orderBy) {
	if (orderBy.length === 0) return true;
	return orderBy.length === 1 && orderBy[0].path.length === 1 && source.orderedBy?.has(orderBy[0].path[0]) === true;
}

function matchesSearch(row, needle) {
	for (const value of Object.values(row)) {
		if (typeof value === 'string' && value.toLowerCase().includes(needle)) return true;
	}
	return false;
}

function sortRows(rows, orderBy) {
	// Decorate once: parsing dates inside the comparator would repeat it n·log n times.
	const decorated = rows.map((row) => ({ row, keys: orderBy.map(({ path }) => sortKey(readPath(row, path))) }));
	decorated.sort((a, b) => {
		for (let i = 0; i < orderBy.length; i++) {
			const order = compareKeys(a.keys[i], b.keys[i]);
			if (order !== 0) return orderBy[i].descending ? -order : order;
		}
		return 0;
	});
	return decorated.map((entry) => entry.row);
}

function readPath(row, path) {
	let value = row;
	for (const part of path) value = value?.[part];
	return value;
}

function sortKey(value) {
	if (typeof value === 'string' && ISO_DATETIME.test(value)) {
		const time = Date.parse(value);
		if (!Number.isNaN(time)) return time;
	}
	return value;
}

/** Nulls sort first, as OData requires for ascending order. */
function compareKeys(a, b) {
	const aNull = a === null || a === undefined;
	const bNull = b === null || b === undefined;
	if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
	return orderOf(a, b);
}

/** Keeps only the selected top-level properties (OData never drops @odata annotations). */
function selectFields(entity, select) {
	if (!select || select.includes('*')) return entity;
	const picked = {};
	for (const [name, value] of Object.entries(entity)) {
		if (name.startsWith('@') || select.includes(name)) picked[name] = value;
	}
	return picked;
}

module.exports = { parseQueryOptions, runQuery, selectFields, sortRows, matchesSearch };
