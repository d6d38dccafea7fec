'use strict';
// Parses an XAPI resource path such as
//   /Users(Number='O''Brien')/Groups
//   /ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone='Europe%2FBerlin')
// into segments, and renders the spec-style route template of a request
// ("/Users(Number={Number})/Groups") for routing and statistics.
const { tokenize, plainValue } = require('./odata-lexer');
const { XapiError, invalidQuery } = require('./errors');

/**
 * @typedef {{ kind: 'positional', value: unknown }
 *   | { kind: 'named', values: Record<string, unknown>, literals: Record<string, unknown>, order: string[] }} Parens
 *   literals: the values as parsed, before plainValue (a DateLiteral stays one, so a function can
 *   tell an unquoted DateTimeOffset from a quoted string)
 * @typedef {{ name: string, parens: Parens | null }} Segment
 */

/** @returns {Segment[]} */
function parseResourcePath(rawPath) {
	let path;
	try {
		// Decode first: OData parses the percent-decoded URL, so %2F inside a
		// quoted parameter is an ordinary character of the value.
		path = decodeURIComponent(rawPath);
	} catch {
		throw new XapiError(400, `The request URI '${rawPath}' is not a valid percent-encoded URI.`);
	}
	return splitSegments(path.replace(/^\/+|\/+$/g, '')).map(parseSegment);
}

/** Splits on '/' that are neither inside quotes nor inside parentheses. */
function splitSegments(path) {
	const segments = [];
	let current = '';
	let depth = 0;
	let quoted = false;
	for (const ch of path) {
		if (ch === "'") quoted = !quoted; // '' toggles twice: still balanced
		else if (!quoted && ch === '(') depth++;
		else if (!quoted && ch === ')') depth--;
		if (ch === '/' && depth === 0 && !quoted) {
			segments.push(current);
			current = '';
			continue;
		}
		current += ch;
	}
	if (quoted || depth !== 0) throw invalidQuery(`Unbalanced quotes or parentheses in '${path}'.`);
	if (current !== '' || segments.length > 0) segments.push(current);
	return segments;
}

function parseSegment(text) {
	const open = text.indexOf('(');
	if (open === -1) return { name: text, parens: null };
	if (!text.endsWith(')')) throw invalidQuery(`Unexpected text after ')' in segment '${text}'.`);
	return { name: text.slice(0, open), parens: parseParens(text.slice(open + 1, -1)) };
}

/** Key predicate `(12)`, `('a')`, alternate key / function parameters `(a=1,b='x')`, or `()`. */
function parseParens(inner) {
	const tokens = tokenize(inner);
	if (tokens.length === 1) return { kind: 'named', values: {}, literals: {}, order: [] };
	if (tokens.length === 2 && tokens[0].type === 'literal') {
		return { kind: 'positional', value: plainValue(tokens[0].value) };
	}
	const values = {};
	const literals = {};
	const order = [];
	let i = 0;
	for (;;) {
		const [name, equals, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
		const wellFormed =
			name?.type === 'ident' && equals?.type === 'punct' && equals.value === '=' && value?.type === 'literal';
		if (!wellFormed) throw invalidQuery(`Invalid parameter list '(${inner})'.`);
		values[name.value] = plainValue(value.value);
		literals[name.value] = value.value;
		order.push(name.value);
		i += 3;
		if (tokens[i].type === 'eof') break;
		if (tokens[i].type !== 'punct' || tokens[i].value !== ',') throw invalidQuery(`Invalid parameter list '(${inner})'.`);
		i++;
	}
	return { kind: 'named', values, literals, order };
}

/**
 * Spec-style template of the request path: values become {placeholders}.
 * @param {Segment[]} segments
 * @param {(segmentIndex: number) => string} positionalKeyName name of the key
 *   property for a positional key predicate (Id, FileName, …)
 * @param {{ sortParameters?: boolean }} [options] sort named parameters, so
 *   a route matches whatever order the client sent them in
 */
function routeTemplate(segments, positionalKeyName, { sortParameters = false } = {}) {
	const parts = segments.map((segment, index) => {
		if (!segment.parens) return segment.name;
		if (segment.parens.kind === 'positional') return `${segment.name}({${positionalKeyName(index)}})`;
		const names = sortParameters ? [...segment.parens.order].sort() : segment.parens.order;
		return `${segment.name}(${names.map((n) => `${n}={${n}}`).join(',')})`;
	});
	return `/${parts.join('/')}`;
}

/**
 * Normalises a spec path like "/Users/Pbx.DownloadGreeting(userId={userId},fileName={fileName})"
 * to the sorted-parameter form used to look routes up.
 */
function normaliseSpecPath(specPath) {
	return specPath.replace(/\(([^()]*=[^()]*)\)/g, (_, list) => {
		const names = list.split(',').map((part) => part.split('=')[0].trim());
		return `(${names.sort().map((n) => `${n}={${n}}`).join(',')})`;
	});
}

module.exports = { parseResourcePath, routeTemplate, normaliseSpecPath };
