'use strict';
// Generic OData routes for every entity set and singleton listed in
// entity-sets.js: list, create, get/update/delete by key or alternate key,
// navigation collections, and singleton get/update.
const { ENTITY_SETS, singletonDef } = require('./entity-sets');
const { collectionResponse, entityResponse } = require('./odata-responses');
const { emptyResponse } = require('./http-io');
const { mergeInto } = require('./entity-store');
const { XapiError, notFound } = require('./errors');

/** @returns {import('./http-io').PbxResponse | null} null when no generic route matches */
function handleEntityRoute(ctx) {
	const [first, second, ...rest] = ctx.segments;
	if (!first || rest.length > 0) return null;
	if (Object.prototype.hasOwnProperty.call(ENTITY_SETS, first.name)) {
		return handleEntitySet(ctx, first.name, ENTITY_SETS[first.name], first.parens, second);
	}
	const singleton = singletonDef(first.name);
	if (singleton && !first.parens) return handleSingleton(ctx, first.name, singleton, second);
	return null;
}

function handleEntitySet(ctx, setName, def, parens, navigationSegment) {
	if (!parens) {
		if (navigationSegment) return null;
		if (ctx.method === 'GET' && def.ops.includes('list')) {
			return collectionResponse(ctx, setName, ctx.store.rows(setName), def.navigation, def.listing);
		}
		if (ctx.method === 'POST' && def.ops.includes('create')) {
			const entity = ctx.store.create(setName, ctx.body(), ctx.actor);
			const location = `${ctx.serviceRoot}/${setName}(${keyLiteral(entity[def.key])})`;
			return entityResponse(ctx, setName, entity, def.navigation, { status: 201, headers: { Location: location } });
		}
		return methodNotAllowed(ctx, allowedCollectionMethods(def));
	}

	const address = resolveKey(def, parens);
	if (!address) return null;
	const entityOps = address.alternate ? ['get'] : def.ops.filter((op) => ['get', 'update', 'delete'].includes(op));
	if (entityOps.length === 0) return null;
	const entity = ctx.store.findByProperty(setName, address.property, address.value);

	if (navigationSegment) {
		const resolve = def.navigation?.[navigationSegment.name];
		if (!resolve || navigationSegment.parens) return null;
		if (ctx.method !== 'GET') return methodNotAllowed(ctx, ['GET']);
		if (!entity) throw notFound(address.property);
		const fragment = `${setName}(${keyLiteral(entity[def.key])})/${navigationSegment.name}`;
		return collectionResponse(ctx, fragment, resolve(entity, ctx.state));
	}

	const method = { GET: 'get', PATCH: 'update', DELETE: 'delete' }[ctx.method];
	if (!method || !entityOps.includes(method)) {
		return methodNotAllowed(ctx, entityOps.map((op) => ({ get: 'GET', update: 'PATCH', delete: 'DELETE' })[op]));
	}
	if (!entity) throw notFound(address.property);
	if (method === 'get') return entityResponse(ctx, setName, entity, def.navigation);
	if (method === 'update') ctx.store.update(setName, entity, ctx.body(), ctx.actor);
	else ctx.store.remove(setName, entity, ctx.actor);
	return emptyResponse(204);
}

/** (12), ('a.zip'), (Id=12) or an alternate key such as (Number='100'). */
function resolveKey(def, parens) {
	if (!def.key) return null;
	if (parens.kind === 'positional') return { property: def.key, value: parens.value, alternate: false };
	if (parens.order.length !== 1) return null;
	const [name] = parens.order;
	if (name === def.key) return { property: name, value: parens.values[name], alternate: false };
	if (def.alternateKeys?.includes(name)) return { property: name, value: parens.values[name], alternate: true };
	return null;
}

function handleSingleton(ctx, name, def, navigationSegment) {
	const data = ctx.state[name];
	if (navigationSegment) {
		const resolve = def.navigation?.[navigationSegment.name];
		if (!resolve || navigationSegment.parens) return null;
		if (ctx.method !== 'GET') return methodNotAllowed(ctx, ['GET']);
		return collectionResponse(ctx, `${name}/${navigationSegment.name}`, resolve(data, ctx.state));
	}
	if (ctx.method === 'GET' && def.ops.includes('get')) {
		const current = def.live ? { ...data, ...def.live(ctx.state) } : data;
		return entityResponse(ctx, name, current, def.navigation, { suffix: '' });
	}
	if (ctx.method === 'PATCH' && def.ops.includes('update')) {
		mergeInto(data, withoutAnnotations(ctx.body()));
		return emptyResponse(204);
	}
	return methodNotAllowed(ctx, def.ops.map((op) => (op === 'get' ? 'GET' : 'PATCH')));
}

function withoutAnnotations(body) {
	return Object.fromEntries(Object.entries(body ?? {}).filter(([name]) => !name.includes('@')));
}

function allowedCollectionMethods(def) {
	return [def.ops.includes('list') && 'GET', def.ops.includes('create') && 'POST'].filter(Boolean);
}

function methodNotAllowed(ctx, allowed) {
	throw new XapiError(405, `The HTTP method '${ctx.method}' is not allowed for this resource.`, [], { Allow: allowed.join(', ') });
}

/** Key as it appears in a URL: numbers bare, strings quoted with '' escaping. */
function keyLiteral(value) {
	return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
}

module.exports = { handleEntityRoute };
