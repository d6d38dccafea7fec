'use strict';
// OData response bodies: "@odata.context", "@odata.count", "value", and
// entities shaped by $select/$expand the way ASP.NET Core OData shapes them.
const { runQuery, selectFields } = require('./odata-query');
const { jsonResponse } = require('./http-io');
const { topLimitExceeded } = require('./errors');

function contextUrl(ctx, fragment, select, suffix = '') {
	const projection = select && !select.includes('*') ? `(${select.join(',')})` : '';
	return `${ctx.serviceRoot}/$metadata#${fragment}${projection}${suffix}`;
}

/**
 * Navigation properties appear only when expanded; $select trims the rest.
 * Rows without navigation and without $select are returned as they are,
 * which keeps large pages cheap.
 */
function shapeEntity(entity, navigation, state, options) {
	if (!navigation && !options.select) return entity;
	const shaped = { ...entity };
	for (const [name, resolve] of Object.entries(navigation || {})) {
		if (options.expand.includes(name)) shaped[name] = resolve(entity, state);
		else delete shaped[name];
	}
	return selectFields(shaped, options.select && [...options.select, ...options.expand]);
}

/**
 * How a collection deviates from OData on a live PBX.
 * @typedef {{ largeTop?: boolean, ignoresOrderBy?: boolean }} Listing
 *   largeTop: $top above the PBX's limit is accepted (CallHistoryView, the call log);
 *   ignoresOrderBy: $orderby is dropped, rows come oldest first (CallHistoryView)
 */

/** Live PBXs refuse a $top above their limit (100) on entity collections. */
function checkTop(ctx, options, listing = {}) {
	const limit = ctx.config.topLimit;
	if (listing.largeTop || options.top === null || !(limit > 0) || options.top <= limit) return;
	throw topLimitExceeded(limit, options.top);
}

/** A queried collection: { "@odata.context", ["@odata.count"], value }. */
function collectionResponse(ctx, fragment, source, navigation, listing = {}) {
	let options = ctx.queryOptions();
	checkTop(ctx, options, listing);
	if (listing.ignoresOrderBy) options = { ...options, orderBy: [] };
	const { rows, count } = runQuery(source, options);
	const payload = { '@odata.context': contextUrl(ctx, fragment, options.select) };
	if (options.count) payload['@odata.count'] = count;
	payload.value = rows.map((row) => shapeEntity(row, navigation, ctx.state, options));
	return jsonResponse(200, payload);
}

/** A single entity, singleton or complex function result. */
function entityResponse(ctx, fragment, entity, navigation, { status = 200, headers = {}, suffix = '/$entity' } = {}) {
	const options = ctx.queryOptions();
	const shaped = shapeEntity(entity, navigation, ctx.state, options);
	return jsonResponse(status, { '@odata.context': contextUrl(ctx, fragment, options.select, suffix), ...shaped }, headers);
}

module.exports = { collectionResponse, entityResponse, checkTop, contextUrl, shapeEntity };
