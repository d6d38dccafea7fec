'use strict';
const { title, lowerCamel } = require('./naming');
const { resourceName, labelActions } = require('./labels');
const { byText, compareText } = require('./order');
const { resolveRef, refName, singleRef, objectProperties, fieldType } = require('./schemas');
const { addLiveOperations } = require('./live-pbx');

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const QUERY_LETTERS = { $top: 't', $skip: 'k', $search: 's', $filter: 'f', $count: 'c', $orderby: 'o', $select: 'l', $expand: 'e' };
/** Node parameter names the shared UI already uses; a spec parameter with one of these names gets a suffix. */
const RESERVED = new Set(['resource', 'operation', 'options', 'returnAll', 'limit', 'fields', 'olderParameters', 'binaryPropertyName']);

const deref = (doc, node) => (node?.$ref ? resolveRef(doc, node.$ref) : node);

function classifyResponse(doc, op) {
	const ok = deref(doc, op.responses?.['200'] ?? op.responses?.['201']);
	const schema = ok?.content?.['application/json']?.schema;
	if (!schema) return 'none';
	const parts = [schema, ...(schema.allOf ?? [])];
	const isCollection = parts.some(
		(s) => s.properties?.value?.type === 'array' || (s.$ref && /Collection/.test(s.$ref)),
	);
	return isCollection ? 'collection' : 'object';
}

function pathParameters(doc, op) {
	return (op.parameters ?? [])
		.map((p) => deref(doc, p))
		.filter((p) => p.in === 'path')
		.map((p) => {
			const isKey = Boolean(p['x-ms-docs-key-type']) || /Alternate key/.test(p.description ?? '');
			return {
				name: p.name,
				prop: RESERVED.has(lowerCamel(p.name)) ? `${lowerCamel(p.name)}Value` : lowerCamel(p.name),
				type: fieldType(doc, p.schema),
				// A function parameter left empty means "no value" (null); a key never does.
				nullable: p.schema.nullable === true && !isKey,
			};
		});
}

function queryOptions(doc, op) {
	return (op.parameters ?? [])
		.map((p) => deref(doc, p))
		.filter((p) => p.in === 'query' && QUERY_LETTERS[p.name])
		.map((p) => QUERY_LETTERS[p.name])
		.sort((a, b) => 'tksfcole'.indexOf(a) - 'tksfcole'.indexOf(b))
		.join('');
}

/** The request body's fields in one update; "params" bodies are OData action parameters, "entity" bodies an entity. */
function bodyOf(doc, op) {
	const body = deref(doc, op.requestBody);
	const schema = body?.content?.['application/json']?.schema;
	if (!schema) return undefined;
	const ref = singleRef(schema);
	const resolved = ref ? resolveRef(doc, ref) : schema;
	const style = /RequestBody$/.test(resolved.title ?? '') ? 'params' : 'entity';
	const properties = objectProperties(doc, schema);
	const fields = Object.entries(properties).map(([name, s]) => ({ name, type: fieldType(doc, s) }));
	return { style, schemaName: ref ? refName(ref).replace(/^Pbx\./, '') : resolved.title, fields };
}

function crudKind(method, path, tag, response, body) {
	const root = `/${tag}`;
	if (path === root) {
		if (method === 'get') return response === 'collection' ? 'list' : 'get';
		if (method === 'post' && body?.style === 'entity') return 'create';
		if (method === 'patch') return 'update';
	}
	if (new RegExp(`^/${tag}\\(\\{[^}]+\\}\\)$`).test(path)) {
		return { get: 'get', patch: 'update', delete: 'delete' }[method];
	}
	if (method === 'get' && new RegExp(`^/${tag}\\(Number=\\{Number\\}\\)$`).test(path)) return 'getByNumber';
	return undefined;
}

const CRUD_NAMES = { list: 'Get Many', get: 'Get', create: 'Create', update: 'Update', delete: 'Delete', getByNumber: 'Get by Number' };

/** Collects every (tag, operationId) of every update into one operation model, newest form first. */
function collectOperations(specs) {
	const byKey = new Map();
	for (const { version, doc } of specs) {
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const method of METHODS) {
				const op = item[method];
				if (!op) continue;
				const tag = op.tags[0];
				const key = `${tag}\u0000${op.operationId}`;
				const entry = byKey.get(key) ?? { tag, operationId: op.operationId, occurrences: [] };
				entry.occurrences.push({ version, doc, path, method, op });
				byKey.set(key, entry);
			}
		}
	}
	return [...byKey.values()];
}

function mergeBodyFields(occurrences) {
	const fields = new Map();
	for (const { doc, op, version } of occurrences) {
		for (const field of bodyOf(doc, op)?.fields ?? []) {
			const merged = fields.get(field.name) ?? { name: field.name, versions: [] };
			merged.type = field.type; // newest update wins
			merged.versions.push(version);
			fields.set(field.name, merged);
		}
	}
	return [...fields.values()].sort(byText('name'));
}

/**
 * The path parameters of every form of the operation. Each of the newest form's parameters says
 * which updates have it (`versions`, matched by node parameter name: `number` and `Number` are one
 * input). The older form's parameters that the newest form lacks are inputs too, so that its path
 * can be filled when the newest answers 404: `legacy` ones (no newest counterpart; empty means null)
 * or, named differently only in case, an `aliasOf` the newest parameter (no input of their own).
 */
function pathParametersOfAllForms(occurrences, newestParams, legacy) {
	const presence = new Map();
	for (const { doc, op, version } of occurrences) {
		for (const { prop } of pathParameters(doc, op)) presence.set(prop, [...(presence.get(prop) ?? []), version]);
	}
	const params = newestParams.map((p) => ({ ...p, versions: presence.get(p.prop) }));
	for (const older of legacy ? pathParameters(legacy.doc, legacy.op) : []) {
		if (params.some((p) => p.name === older.name)) continue;
		const aliasOf = params.find((p) => p.prop === older.prop);
		params.push(aliasOf ? { ...older, aliasOf } : { ...older, nullable: true, legacy: true, versions: presence.get(older.prop) });
	}
	return params;
}

function buildOperation(entry, operationIdTags) {
	const { tag, operationId, occurrences } = entry;
	const newest = occurrences[occurrences.length - 1];
	const { doc, path, method, op } = newest;
	const response = classifyResponse(doc, op);
	const newestBody = bodyOf(doc, op);
	const crud = crudKind(method, path, tag, response, newestBody);
	const legacy = occurrences.find((o) => o.path !== path);
	const pathParams = pathParametersOfAllForms(occurrences, pathParameters(doc, op), legacy);
	const hasGetOnSamePath = Boolean(doc.paths[path].get);
	const sharedOpId = operationIdTags.get(operationId).size > 1;
	const fileStem = /^(Download|Export)/.test(operationId)
		? operationId.replace(/^(Download|Export)(Get)?/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() || 'file'
		: undefined;
	const body = newestBody && { style: newestBody.style, schemaName: newestBody.schemaName, fields: mergeBodyFields(occurrences) };
	// An action parameter the newest update dropped must not be sent unless asked for: such
	// parameters go in their own collection.
	const newestVersion = newest.version;
	for (const field of body?.fields ?? []) field.older = body.style === 'params' && !field.versions.includes(newestVersion);
	// Action parameters sit beside the path parameters at the top level, so a clash gets a prefix;
	// entity fields live inside a collection, where the names cannot clash.
	const topLevel = new Set(pathParams.filter((p) => !p.aliasOf).map((p) => p.prop));
	for (const field of body?.fields ?? []) {
		const prop = lowerCamel(field.name);
		const clashes = body.style === 'params' && (topLevel.has(prop) || RESERVED.has(prop));
		field.prop = clashes ? `body${prop[0].toUpperCase()}${prop.slice(1)}` : prop;
	}
	return {
		tag,
		operationId,
		value: lowerCamel(sharedOpId ? `${tag}${operationId}` : operationId),
		name: crud ? CRUD_NAMES[crud] : title(operationId),
		crud,
		versions: occurrences.map((o) => o.version),
		method: method.toUpperCase(),
		path,
		legacyPath: legacy?.path,
		pathParams,
		queryOptions: queryOptions(doc, op),
		ifMatch: (op.parameters ?? []).some((p) => deref(doc, p).name === 'If-Match'),
		body,
		response,
		reread: method === 'patch' && hasGetOnSamePath,
		fileStem,
	};
}

/** All operations grouped by resource (spec tag), resources and operations in a stable order. */
function buildModel(specs) {
	const entries = collectOperations(specs);
	const operationIdTags = new Map();
	for (const e of entries) {
		const tags = operationIdTags.get(e.operationId) ?? new Set();
		tags.add(e.tag);
		operationIdTags.set(e.operationId, tags);
	}
	const resources = new Map();
	for (const entry of entries) {
		const operation = buildOperation(entry, operationIdTags);
		const list = resources.get(operation.tag) ?? [];
		list.push(operation);
		resources.set(operation.tag, list);
	}
	addLiveOperations(resources, specs.map((s) => s.version));
	for (const operations of resources.values()) {
		const order = ['list', 'get', 'getByNumber', 'create', 'update', 'delete'];
		const rank = (op) => (op.crud ? order.indexOf(op.crud) : order.length);
		operations.sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name));
		disambiguateNames(operations);
	}
	labelActions([...resources.values()].flat());
	return {
		versions: specs.map((s) => s.version),
		resources: new Map([...resources.entries()].sort(([a], [b]) => compareText(resourceName(a), resourceName(b)))),
	};
}

/** Two operations of one resource must not share a display name ("Get" for an entity and for a navigation). */
function disambiguateNames(operations) {
	const seen = new Map();
	for (const op of operations) seen.set(op.name, (seen.get(op.name) ?? 0) + 1);
	for (const op of operations) {
		if (seen.get(op.name) > 1 && op.crud) {
			op.name = title(op.operationId);
		}
	}
}

module.exports = { buildModel };
