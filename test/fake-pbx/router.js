'use strict';
// Finds the handler for an XAPI request: first the explicit function/action
// table (keyed by spec path), then the generic entity-set and singleton
// routes. Also names each request's route template for the statistics.
const { parseResourcePath, routeTemplate, normaliseSpecPath } = require('./odata-path');
const { entitySetDef } = require('./entity-sets');
const { handleEntityRoute } = require('./entity-routes');
const { FUNCTION_ROUTES } = require('./functions');
const { DOWNLOAD_ROUTES } = require('./downloads');
const { XapiError, noRoute, badArgument } = require('./errors');

/** Function arguments 3CX types as integers: a text there is its bare 500, not a 404. */
const INTEGER_ARGUMENTS = new Set(['recId', 'userId']);

function checkArgumentTypes(literals) {
	for (const [name, value] of Object.entries(literals)) {
		if (INTEGER_ARGUMENTS.has(name) && !Number.isInteger(value)) throw badArgument(name, value);
	}
}

const ROUTES = new Map();
const METHODS_BY_PATH = new Map();
/** Sorted-parameter path -> path as the spec writes it (for statistics). */
const SPEC_PATHS = new Map();
for (const [specRoute, handler] of [...FUNCTION_ROUTES, ...DOWNLOAD_ROUTES]) {
	const [method, path] = specRoute.split(' ');
	const normalised = normaliseSpecPath(path);
	ROUTES.set(`${method} ${normalised}`, handler);
	METHODS_BY_PATH.set(normalised, [...(METHODS_BY_PATH.get(normalised) ?? []), method]);
	SPEC_PATHS.set(normalised, path);
}

/** Placeholder for a positional key: the entity set's key property ({Id}, {FileName}). */
function keyNameFor(segments) {
	return (index) => (index === 0 ? entitySetDef(segments[0].name)?.key ?? 'Id' : 'Id');
}

/**
 * @param {string} rawPath path below /xapi/v1, still percent-encoded
 * @returns {{ segments: import('./odata-path').Segment[], template: string }} template:
 *   the spec's path when a known function matches (whatever the parameter
 *   order sent), otherwise the request's own path with {placeholders}
 */
function describeRequest(rawPath) {
	const segments = parseResourcePath(rawPath);
	const sorted = routeTemplate(segments, keyNameFor(segments), { sortParameters: true });
	return { segments, template: SPEC_PATHS.get(sorted) ?? routeTemplate(segments, keyNameFor(segments)) };
}

/** @returns {import('./http-io').PbxResponse} */
function route(ctx) {
	const lookupPath = routeTemplate(ctx.segments, keyNameFor(ctx.segments), { sortParameters: true });
	const handler = ROUTES.get(`${ctx.method} ${lookupPath}`);
	if (handler) {
		checkArgumentTypes(ctx.literals ?? {});
		return handler(ctx);
	}

	const generic = handleEntityRoute(ctx);
	if (generic) return generic;

	const allowed = METHODS_BY_PATH.get(lookupPath);
	if (allowed) {
		throw new XapiError(405, `The HTTP method '${ctx.method}' is not allowed for this resource.`, [], { Allow: allowed.join(', ') });
	}
	throw noRoute(ctx.method, `/xapi/v1${routeTemplate(ctx.segments, keyNameFor(ctx.segments))}`);
}

/**
 * Merged key and parameter values of the request: ctx.key (first positional key), ctx.params and
 * ctx.literals (the parameters as parsed, typed: see odata-path's Parens).
 */
function requestArguments(segments) {
	let key;
	const params = {};
	const literals = {};
	for (const segment of segments) {
		if (!segment.parens) continue;
		if (segment.parens.kind === 'positional') key ??= segment.parens.value;
		else {
			Object.assign(params, segment.parens.values);
			Object.assign(literals, segment.parens.literals);
		}
	}
	return { key, params, literals };
}

module.exports = { describeRequest, route, requestArguments };
