// @ts-check
'use strict';
const { title, lowerCamel } = require('./naming');
const { resourceName, labelActions } = require('./labels');
const { byText, compareText } = require('./order');
const { resolveRef, refName, singleRef, objectProperties, fieldType } = require('./schemas');
const { addLiveOperations } = require('./live-pbx');

/**
 * @typedef {import('./model').Spec} Spec
 * @typedef {import('./model').SpecDoc} SpecDoc
 * @typedef {import('./model').Operation} Operation
 * @typedef {import('./model').PathParam} PathParam
 * @typedef {import('./model').BodyField} BodyField
 * @typedef {import('./model').Crud} Crud
 * @typedef {import('./model').Model} Model
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').HttpMethod} HttpMethod
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').QueryOption} QueryOption
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').QueryOptions} QueryOptions
 * @typedef {any} SpecNode An operation, parameter or response of a spec, read as js-yaml found it.
 * @typedef {{ version: string; doc: SpecDoc; path: string; method: string; op: SpecNode }} Occurrence
 * @typedef {{ tag: string; operationId: string; occurrences: Occurrence[] }} Entry
 */

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
/** @type {Record<string, QueryOption>} */
const QUERY_LETTERS = { $top: 't', $skip: 'k', $search: 's', $filter: 'f', $count: 'c', $orderby: 'o', $select: 'l', $expand: 'e' };
/** Node parameter names the shared UI already uses; a spec parameter with one of these names gets a suffix. */
const RESERVED = new Set(['resource', 'operation', 'options', 'returnAll', 'limit', 'fields', 'olderParameters', 'binaryPropertyName']);

/**
 * @param {SpecDoc} doc
 * @param {SpecNode} node
 * @returns {SpecNode}
 */
const deref = (doc, node) => (node?.$ref ? resolveRef(doc, node.$ref) : node);

/**
 * @param {SpecDoc} doc
 * @param {SpecNode} op
 */
function classifyResponse(doc, op) {
	const ok = deref(doc, op.responses?.['200'] ?? op.responses?.['201']);
	const schema = ok?.content?.['application/json']?.schema;
	if (!schema) return 'none';
	const parts = [schema, ...(schema.allOf ?? [])];
	const isCollection = parts.some(
		(/** @type {SpecNode} */ s) => s.properties?.value?.type === 'array' || (s.$ref && /Collection/.test(s.$ref)),
	);
	return isCollection ? 'collection' : 'object';
}

/**
 * @param {SpecDoc} doc
 * @param {SpecNode} op
 * @returns {PathParam[]}
 */
function pathParameters(doc, op) {
	return (op.parameters ?? [])
		.map((/** @type {SpecNode} */ p) => deref(doc, p))
		.filter((/** @type {SpecNode} */ p) => p.in === 'path')
		.map((/** @type {SpecNode} */ p) => {
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

/**
 * @param {SpecDoc} doc
 * @param {SpecNode} op
 */
function queryOptions(doc, op) {
	/** @type {QueryOption[]} */
	const letters = (op.parameters ?? [])
		.map((/** @type {SpecNode} */ p) => deref(doc, p))
		.filter((/** @type {SpecNode} */ p) => p.in === 'query' && QUERY_LETTERS[p.name])
		.map((/** @type {SpecNode} */ p) => QUERY_LETTERS[p.name]);
	// In QueryOptions' order, so the join is one.
	return /** @type {QueryOptions} */ (letters.sort((a, b) => 'tksfcole'.indexOf(a) - 'tksfcole'.indexOf(b)).join(''));
}

/**
 * The request body's fields in one update; "params" bodies are OData action parameters, "entity" bodies an entity.
 * @param {SpecDoc} doc
 * @param {SpecNode} op
 * @returns {{ style: import('./model').Body['style']; schemaName: string | undefined; fields: Array<Pick<BodyField, 'name' | 'type'>> } | undefined}
 */
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

/** @type {Record<string, Crud>} */
const KEY_PATH_CRUD = { get: 'get', patch: 'update', delete: 'delete' };

/**
 * @param {string} method
 * @param {string} path
 * @param {string} tag
 * @param {import('../../nodes/ThreeCx/odata/endpoint').ResponseKind} response
 * @param {{ style: string } | undefined} body
 * @returns {Crud | undefined}
 */
function crudKind(method, path, tag, response, body) {
	const root = `/${tag}`;
	if (path === root) {
		if (method === 'get') return response === 'collection' ? 'list' : 'get';
		if (method === 'post' && body?.style === 'entity') return 'create';
		if (method === 'patch') return 'update';
	}
	if (new RegExp(`^/${tag}\\(\\{[^}]+\\}\\)$`).test(path)) {
		return KEY_PATH_CRUD[method];
	}
	if (method === 'get' && new RegExp(`^/${tag}\\(Number=\\{Number\\}\\)$`).test(path)) return 'getByNumber';
	return undefined;
}

/** @type {Record<Crud, string>} */
const CRUD_NAMES = { list: 'Get Many', get: 'Get', create: 'Create', update: 'Update', delete: 'Delete', getByNumber: 'Get by Number' };

/**
 * Collects every (tag, operationId) of every update into one operation model, newest form first.
 * @param {Spec[]} specs
 */
function collectOperations(specs) {
	/** @type {Map<string, Entry>} */
	const byKey = new Map();
	for (const { version, doc } of specs) {
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const method of METHODS) {
				const op = item[method];
				if (!op) continue;
				const tag = op.tags[0];
				const key = `${tag}\u0000${op.operationId}`;
				/** @type {Entry} */
				const entry = byKey.get(key) ?? { tag, operationId: op.operationId, occurrences: [] };
				entry.occurrences.push({ version, doc, path, method, op });
				byKey.set(key, entry);
			}
		}
	}
	return [...byKey.values()];
}

/**
 * @param {Occurrence[]} occurrences
 * @returns {BodyField[]}
 */
function mergeBodyFields(occurrences) {
	/** @type {Map<string, BodyField>} */
	const fields = new Map();
	for (const { doc, op, version } of occurrences) {
		for (const field of bodyOf(doc, op)?.fields ?? []) {
			// Its type just below; prop and older in buildOperation.
			const merged = fields.get(field.name) ?? /** @type {BodyField} */ ({ name: field.name, versions: /** @type {string[]} */ ([]) });
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
 * @param {Occurrence[]} occurrences
 * @param {PathParam[]} newestParams
 * @param {Occurrence | undefined} legacy
 * @returns {PathParam[]}
 */
function pathParametersOfAllForms(occurrences, newestParams, legacy) {
	/** @type {Map<string, string[]>} */
	const presence = new Map();
	for (const { doc, op, version } of occurrences) {
		for (const { prop } of pathParameters(doc, op)) presence.set(prop, [...(presence.get(prop) ?? []), version]);
	}
	/** @type {PathParam[]} */
	const params = newestParams.map((p) => ({ ...p, versions: presence.get(p.prop) }));
	for (const older of legacy ? pathParameters(legacy.doc, legacy.op) : []) {
		if (params.some((p) => p.name === older.name)) continue;
		const aliasOf = params.find((p) => p.prop === older.prop);
		params.push(aliasOf ? { ...older, aliasOf } : { ...older, nullable: true, legacy: true, versions: presence.get(older.prop) });
	}
	return params;
}

/**
 * @param {Entry} entry
 * @param {Map<string, Set<string>>} operationIdTags
 * @returns {Operation}
 */
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
	const sharedOpId = /** @type {Set<string>} */ (operationIdTags.get(operationId)).size > 1;
	const fileStem = /^(Download|Export)/.test(operationId)
		? operationId.replace(/^(Download|Export)(Get)?/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() || 'file'
		: undefined;
	const body = newestBody && { style: newestBody.style, schemaName: newestBody.schemaName, fields: mergeBodyFields(occurrences) };
	// An action parameter the newest update dropped must not be sent unless asked for: such
	// parameters go in their own collection.
	const newestVersion = newest.version;
	if (body) for (const field of body.fields) field.older = body.style === 'params' && !field.versions.includes(newestVersion);
	// Action parameters sit beside the path parameters at the top level, so a clash gets a prefix;
	// entity fields live inside a collection, where the names cannot clash.
	const topLevel = new Set(pathParams.filter((p) => !p.aliasOf).map((p) => p.prop));
	if (body) for (const field of body.fields) {
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
		method: /** @type {HttpMethod} */ (method.toUpperCase()),
		path,
		legacyPath: legacy?.path,
		pathParams,
		queryOptions: queryOptions(doc, op),
		ifMatch: (op.parameters ?? []).some((/** @type {SpecNode} */ p) => deref(doc, p).name === 'If-Match'),
		body,
		response,
		reread: method === 'patch' && hasGetOnSamePath,
		fileStem,
	};
}

/**
 * All operations grouped by resource (spec tag), resources and operations in a stable order.
 * @param {Spec[]} specs
 * @returns {Model}
 */
function buildModel(specs) {
	const entries = collectOperations(specs);
	/** @type {Map<string, Set<string>>} */
	const operationIdTags = new Map();
	for (const e of entries) {
		const tags = operationIdTags.get(e.operationId) ?? new Set();
		tags.add(e.tag);
		operationIdTags.set(e.operationId, tags);
	}
	/** @type {Map<string, Operation[]>} */
	const resources = new Map();
	for (const entry of entries) {
		const operation = buildOperation(entry, operationIdTags);
		const list = resources.get(operation.tag) ?? [];
		list.push(operation);
		resources.set(operation.tag, list);
	}
	addLiveOperations(resources, specs.map((s) => s.version));
	for (const operations of resources.values()) {
		/** @type {Array<Crud | undefined>} */
		const order = ['list', 'get', 'getByNumber', 'create', 'update', 'delete'];
		/** @param {Operation} op */
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

/**
 * Two operations of one resource must not share a display name ("Get" for an entity and for a navigation).
 * @param {Operation[]} operations
 */
function disambiguateNames(operations) {
	/** @type {Map<string, number>} */
	const seen = new Map();
	for (const op of operations) seen.set(op.name, (seen.get(op.name) ?? 0) + 1);
	for (const op of operations) {
		if (/** @type {number} */ (seen.get(op.name)) > 1 && op.crud) {
			op.name = title(op.operationId);
		}
	}
}

module.exports = { buildModel };
