// @ts-check
'use strict';
const { humanize, lowerCamel } = require('./naming');
const { versionNote } = require('./versions');
const { describe, OLDER_PARAMETERS, valueProperty, kindCode, bodyCollectionName, bodyFieldProperty, collectionProperty } = require('./ui-properties');
const { giveUniqueNames, checkOperationInputs } = require('./unique-names');
const { locatorProperty } = require('./locators');
const { liveEndpointFields, emptyIsNull, operationNote, resourceNote, parameterDefault, parameterNote } = require('./live-pbx');
const { byText } = require('./order');
const { resourceName } = require('./labels');

/**
 * @typedef {import('n8n-workflow').INodeProperties} INodeProperties
 * @typedef {import('./model').Model} Model
 * @typedef {import('./model').Operation} Operation
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').Endpoint} Endpoint
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').QueryOption} QueryOption
 * @typedef {{ property: INodeProperties; operations: string[]; tags: Set<string>; renames: Array<(name: string) => void>; notes: Array<{ operation: string; note?: string }>; yields: boolean }} SharedEntry
 */

/**
 * Properties that several operations share appear once, shown for all of them: the same JSON
 * (bar displayOptions) means the same parameter. Each remembers which resources use it, so a
 * property of one resource lives in that resource's file and the rest in the shared file.
 */
class SharedProperties {
	constructor() {
		/** @type {Map<string, SharedEntry>} */
		this.byKey = new Map();
	}
	/**
	 * `rename(name)` writes a new name for the property back into `op`'s model (see unique-names.js).
	 * With `notes`, the property's update note is `op`'s alone (`note`, maybe none): the operations
	 * sharing the property still share one input, and its description says which note is whose.
	 * `yields`: see giveUniqueNames.
	 * @param {INodeProperties} property
	 * @param {Operation} op
	 * @param {(name: string) => void} rename
	 * @param {{ note?: string }} [notes]
	 * @param {{ yields?: boolean }} [options]
	 */
	add(property, op, rename, notes, { yields = false } = {}) {
		const key = JSON.stringify(property);
		/** @type {SharedEntry} */
		const entry = this.byKey.get(key) ?? { property, operations: [], tags: new Set(), renames: [], notes: [], yields };
		entry.operations.push(op.value);
		entry.tags.add(op.tag);
		entry.renames.push(rename);
		entry.yields &&= yields;
		if (notes) entry.notes.push({ operation: op.name, note: notes.note });
		this.byKey.set(key, entry);
	}
	entries() {
		return [...this.byKey.values()].map((entry) => ({ ...entry, rename: (/** @type {string} */ name) => entry.renames.forEach((r) => r(name)) }));
	}
	/**
	 * Properties used by `tag` alone, (tag undefined) by more than one resource, or (tag '*') all.
	 * @param {string | undefined} tag
	 * @returns {INodeProperties[]}
	 */
	list(tag) {
		return [...this.byKey.values()]
			.filter(({ tags }) => tag === '*' || (tag === undefined ? tags.size > 1 : tags.size === 1 && tags.has(tag)))
			.map(({ property, operations, notes }) => ({
				...property,
				...describe(property, sharedNote(notes)),
				displayOptions: { show: { operation: operations } },
			}));
	}
}

/**
 * One note for all the operations, or each note with the operations it is about.
 * @param {SharedEntry['notes']} notes
 */
function sharedNote(notes) {
	const distinct = [...new Set(notes.map(({ note }) => note))];
	if (distinct.length <= 1) return distinct[0];
	/** @param {string | undefined} note */
	const names = (note) => notes.filter((n) => n.note === note).map((n) => n.operation);
	/** @param {string[]} items */
	const list = (items) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0]);
	return distinct
		.filter(Boolean)
		.map((note) => `In ${list([...new Set(names(note))])}: ${note}`)
		.join('; ');
}

/**
 * Defaults for parameters only an older form of a function takes, where the type's own would
 * mislead: GetLogs of 3CX 20.0.4–20.0.5 took a page size `top` (0 would read no rows).
 * @type {Record<string, number>}
 */
const LEGACY_DEFAULTS = { top: 100 };

/** @param {string} tag */
const resourceValue = (tag) => lowerCamel(tag);

/** Names of the node-wide properties (resource, operation selectors, paging, binary output). */
const NODE_WIDE_NAMES = new Set(['resource', 'operation', 'returnAll', 'limit', 'binaryPropertyName']);

/**
 * @param {string} tag
 * @param {Operation[]} operations
 * @param {string[]} versions
 * @returns {INodeProperties}
 */
function operationSelector(tag, operations, versions) {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resourceValue(tag)] } },
		options: operations
			.map((op) => {
				const note = [operationNote(op), versionNote(op.versions, versions)].filter(Boolean).join('; ');
				return { name: op.name, value: op.value, action: op.action, ...(note ? { description: note } : {}) };
			})
			.sort(byText('name')),
		// The list (or the first CRUD operation) stays the default, wherever it sorts.
		default: operations[0].value,
	};
}

/**
 * Path and action parameters (top level), entity bodies (a Fields collection per field set) and
 * OData options (a collection per option set), each top-level name given to one property only.
 * Sets `op.bodyCollection`, `op.olderCollection` and `op.optionsCollection` for the endpoint table.
 * @param {Operation[]} operations
 * @param {string[]} versions
 */
function operationInputs(operations, versions) {
	const parameters = new SharedProperties();
	const bodies = new SharedProperties();
	for (const op of operations) {
		for (const param of op.pathParams.filter((p) => !p.aliasOf)) {
			// A parameter some updates lack must not be required of users of those updates.
			// Only aliases, left out here, lack versions.
			const note = versionNote(/** @type {string[]} */ (param.versions), versions, op.versions);
			const property = param.locator
				? locatorProperty(param.locator.entry, param)
				: valueProperty(param, {
						required: !param.nullable && !note,
						initial: param.legacy ? LEGACY_DEFAULTS[param.name] : parameterDefault(param),
						description: parameterNote(param),
					});
			parameters.add(property, op, (name) => (param.prop = name), { note }, { yields: Boolean(param.legacy) });
		}
		op.bodyCollection = bodyCollectionName(op);
		const fields = (op.body?.fields ?? []).filter((f) => !f.older);
		const older = (op.body?.fields ?? []).filter((f) => f.older);
		/** @param {import('./model').BodyField} field */
		const toProperty = (field) => bodyFieldProperty(field, op, versions);
		if (op.bodyCollection) bodies.add(collectionProperty(op.bodyCollection, fields.map(toProperty)), op, (name) => (op.bodyCollection = name));
		else for (const field of fields) parameters.add(toProperty(field), op, (name) => (field.prop = name));
		if (older.length) {
			op.olderCollection = OLDER_PARAMETERS;
			bodies.add(collectionProperty(OLDER_PARAMETERS, older.map(toProperty)), op, (name) => (op.olderCollection = name));
		}
	}
	const options = queryOptionCollections(operations);
	giveUniqueNames([...parameters.entries(), ...bodies.entries(), ...options.entries()], NODE_WIDE_NAMES);
	for (const { property, operations: users } of bodies.entries()) property.displayName = bodyCollectionLabel(property, users, operations);
	for (const op of operations) {
		const topLevel = [...op.pathParams.filter((p) => !p.aliasOf).map((p) => p.prop), ...(op.body?.fields ?? []).filter((f) => !f.older && !op.bodyCollection).map((f) => f.prop)];
		checkOperationInputs(op, [...topLevel, op.bodyCollection, op.olderCollection, op.optionsCollection].filter(/** @returns {name is string} */ (name) => Boolean(name)));
	}
	/** @param {string | undefined} tag */
	const pick = (tag) => ({ parameters: parameters.list(tag), bodies: bodies.list(tag) });
	return { forResource: pick, shared: pick(undefined), options: options.list('*') };
}

/**
 * n8n's usual labels where the collection serves one kind of operation: "Update Fields" for
 * updates only, "Additional Fields" for creates only. Shared by both (one collection keeps the
 * description small), it stays "Fields". n8n's lint rule also wants "Update Fields" on any
 * collection whose name says "update".
 * @param {INodeProperties} property
 * @param {string[]} users
 * @param {Operation[]} operations
 */
function bodyCollectionLabel(property, users, operations) {
	if (property.displayName !== 'Fields') return property.displayName;
	const kinds = new Set(users.map((value) => operations.find((op) => op.value === value)?.crud));
	if (/update/.test(property.name) || (kinds.size === 1 && kinds.has('update'))) return 'Update Fields';
	if (kinds.size === 1 && kinds.has('create')) return 'Additional Fields';
	return 'Fields';
}

/**
 * What the runtime needs to build and send one operation's request.
 * @param {Operation} op
 * @param {string[]} versions
 * @returns {Endpoint}
 */
function endpoint(op, versions) {
	const collection = op.bodyCollection;
	const where = `${op.tag} › ${op.operationId}`;
	const bodyWhere = op.body?.schemaName ? `${where}, body ${op.body.schemaName}` : `${where}, body`;
	const paged = op.response === 'collection' && op.queryOptions.includes('t') && op.queryOptions.includes('k') && !op.fileStem;
	const note = versionNote(op.versions, versions);
	return {
		method: op.method,
		path: op.path,
		...(op.legacyPath ? { legacyPath: op.legacyPath } : {}),
		...(op.pathParams.length
			? {
					// An alias reads its newest counterpart's input under the older form's name.
					params: op.pathParams.map((p) => ({
						name: p.name,
						prop: (p.aliasOf ?? p).prop,
						kind: kindCode(p, `${where}, path`),
						...(emptyIsNull(p) ? { nullable: true } : {}),
						...((p.aliasOf ?? p).locator ? { locator: (p.aliasOf ?? p).locator?.key } : {}),
					})),
				}
			: {}),
		...(op.byNumber ? { byNumber: op.byNumber } : {}),
		...(op.queryOptions ? { query: op.queryOptions } : {}),
		...(op.ifMatch ? { ifMatch: true } : {}),
		...(op.optionsCollection ? { options: op.optionsCollection } : {}),
		...(op.body
			? {
					body: {
						...(collection ? { collection } : {}),
						fields: Object.fromEntries(op.body.fields.filter((f) => !f.older).map((f) => [f.prop, [f.name, kindCode(f, bodyWhere)]])),
						...(op.body.fields.some((f) => f.older)
							? {
									olderCollection: op.olderCollection,
									older: Object.fromEntries(op.body.fields.filter((f) => f.older).map((f) => [f.prop, [f.name, kindCode(f, bodyWhere)]])),
								}
							: {}),
					},
				}
			: {}),
		response: op.response,
		...(paged ? { paged: true } : {}),
		...liveEndpointFields(op),
		...(op.reread ? { reread: true } : {}),
		...(op.fileStem ? { file: op.fileStem } : {}),
		...(note ? { versions: note } : {}),
	};
}

/**
 * Node-wide properties whose visibility depends on what each operation supports.
 * @param {Model} model
 * @returns {{ resource: INodeProperties; paging: INodeProperties[]; binary: INodeProperties }}
 */
function sharedProperties(model) {
	const all = [...model.resources.values()].flat();
	const endpoints = new Map(all.map((op) => [op.value, endpoint(op, model.versions)]));
	const paged = all.filter((op) => endpoints.get(op.value)?.paged).map((op) => op.value);
	const files = all.filter((op) => op.fileStem).map((op) => op.value);
	/** @type {INodeProperties} */
	const resource = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...model.resources.entries()].map(([tag, ops]) => {
			const note = [resourceNote(tag), versionNote([...new Set(ops.flatMap((op) => op.versions))], model.versions)].filter(Boolean).join('; ');
			return { name: resourceName(tag), value: resourceValue(tag), ...(note ? { description: note } : {}) };
		}),
		default: 'users',
	};
	/** @type {INodeProperties[]} */
	const paging = [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { operation: paged } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { operation: paged, returnAll: [false] } },
		},
	];
	/** @type {INodeProperties} */
	const binary = {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { operation: files } },
	};
	return { resource, paging, binary };
}

/** @type {Record<QueryOption | 'm', INodeProperties>} */
const QUERY_OPTIONS = {
	t: { displayName: 'Top', name: 'top', type: 'number', typeOptions: { minValue: 0 }, default: 100, description: 'Show only the first n items; overrides Return All and Limit' },
	k: { displayName: 'Skip', name: 'skip', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Skip the first n items' },
	s: { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Search items by search phrases; a phrase with spaces is quoted automatically' },
	f: { displayName: 'Filter', name: 'filter', type: 'string', default: '', placeholder: "State eq 'Connected'", description: 'Filter items by property values (OData $filter)' },
	c: { displayName: 'Count', name: 'count', type: 'boolean', default: true, description: 'Whether to include the total count of items, as @odata.count on each item (with no items, one item with the count alone)' },
	l: { displayName: 'Select', name: 'select', type: 'string', default: '', placeholder: 'Number,Name', description: 'Comma-separated properties to return' },
	o: { displayName: 'Order By', name: 'orderby', type: 'string', default: '', placeholder: 'Name desc', description: 'Comma-separated properties to order by, each optionally followed by asc or desc' },
	e: { displayName: 'Expand', name: 'expand', type: 'string', default: '', placeholder: 'Groups', description: 'Comma-separated related entities to include' },
	m: { displayName: 'If-Match (ETag)', name: 'ifMatch', type: 'string', default: '', description: 'Only change the entity if its ETag still matches' },
};

/**
 * Parameter names of the option sets 3CX's specs have; another set would be named by giveUniqueNames.
 * @type {Record<string, string>}
 */
const OPTION_SET_NAMES = { tksfcole: 'options', tksfc: 'searchOptions', le: 'selectOptions', m: 'ifMatchOptions' };

/**
 * One Options collection per distinct set of OData options, shown for the operations that allow exactly that set.
 * @param {Operation[]} operations
 */
function queryOptionCollections(operations) {
	const collections = new SharedProperties();
	for (const op of operations) {
		const letters = op.queryOptions + (op.ifMatch ? 'm' : '');
		if (!letters) continue;
		op.optionsCollection = OPTION_SET_NAMES[letters] ?? 'options';
		/** @type {INodeProperties} */
		const property = {
			displayName: 'Options',
			name: op.optionsCollection,
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: /** @type {Array<QueryOption | 'm'>} */ ([...letters]).map((l) => QUERY_OPTIONS[l]).sort(byText('displayName')),
		};
		collections.add(property, op, (name) => (op.optionsCollection = name));
	}
	return collections;
}

module.exports = { operationSelector, operationInputs, endpoint, sharedProperties, resourceValue };
