// @ts-check
'use strict';
const { lowerCamel } = require('./naming');
const { objectProperties, resolveRef } = require('./schemas');

/**
 * @typedef {import('./model').LocatorEntry} LocatorEntry
 * @typedef {import('./model').Model} Model
 * @typedef {import('./model').PathParam} PathParam
 * @typedef {import('./model').Spec} Spec
 * @typedef {import('./model').SpecDoc} SpecDoc
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').LocatorSet} LocatorSet
 */

/**
 * The entity sets whose keys the node asks for with a resource locator ("From List", "By ID" and,
 * where 3CX has the Number alternate key, "By Number"). `title` says how a list entry reads: groups
 * of fields, each group's values joined by spaces, groups by " — " ("100 — Alice Smith"). `search`
 * are the fields a list search looks in (OData $filter contains, so the PBX does the searching);
 * `orderBy` keeps paging stable. `number` is the format of the set's DN numbers.
 * @type {LocatorEntry[]}
 */
const LOCATOR_SETS = [
	{ set: 'Users', label: 'User', title: [['Number'], ['FirstName', 'LastName']], search: ['Number', 'FirstName', 'LastName', 'EmailAddress'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '100' } },
	{ set: 'Groups', label: 'Group', title: [['Name']], search: ['Name'], orderBy: ['Name', 'Id'] },
	{ set: 'Queues', label: 'Queue', title: [['Number'], ['Name']], search: ['Number', 'Name'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '800' } },
	{ set: 'RingGroups', label: 'Ring Group', title: [['Number'], ['Name']], search: ['Number', 'Name'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '700' } },
	{ set: 'Receptionists', label: 'Receptionist', title: [['Number'], ['Name']], search: ['Number', 'Name'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '600' } },
	{ set: 'CallFlowApps', label: 'Call Flow App', title: [['Number'], ['Name']], search: ['Number', 'Name'], orderBy: ['Number'] },
	{ set: 'Trunks', label: 'Trunk', title: [['Number'], ['Gateway/Name']], search: ['Number', 'Gateway/Name'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '10000' } },
	// Shared parking places are numbered SP0, SP1 … by 3CX.
	{ set: 'Parkings', label: 'Parking', title: [['Number']], search: ['Number'], orderBy: ['Number'], number: { pattern: 'SP[0-9]+', example: 'SP0' } },
	{ set: 'Fax', label: 'Fax', title: [['Number']], search: ['Number'], orderBy: ['Number'], number: { pattern: '[0-9]+', example: '888' } },
	{ set: 'Contacts', label: 'Contact', title: [['FirstName', 'LastName'], ['CompanyName'], ['PhoneNumber']], search: ['FirstName', 'LastName', 'CompanyName', 'PhoneNumber', 'Email'], orderBy: ['FirstName', 'LastName', 'Id'] },
];

/** @param {string} set */
const locatorKey = (set) => lowerCamel(set);
/** @param {string} set */
const alternateKeyPath = (set) => `/${set}(Number={Number})`;

/**
 * The entity schema of a set's list operation: `value` items of its collection response.
 * @param {SpecDoc} doc
 * @param {string} set
 */
function listedEntity(doc, set) {
	/** @param {any} node */
	const deref = (node) => (node?.$ref ? resolveRef(doc, node.$ref) : node);
	const response = deref(doc.paths[`/${set}`]?.get?.responses?.['200']);
	const collection = deref(response?.content?.['application/json']?.schema);
	const parts = [collection, ...(collection?.allOf ?? []).map(deref)];
	const items = parts.map((part) => part?.properties?.value?.items).find(Boolean);
	return deref(items);
}

/**
 * Fails the generation when a configured field is not a property of the entity in every update's spec.
 * @param {Spec[]} specs
 * @param {LocatorEntry} entry
 */
function checkFields(specs, entry) {
	for (const { version, doc } of specs) {
		const schema = listedEntity(doc, entry.set);
		if (!schema) throw new Error(`Locator ${entry.set}: no list operation with an entity schema in ${version}`);
		const properties = objectProperties(doc, schema);
		const fields = [...entry.search, ...entry.orderBy, ...entry.title.flat(), 'Id', ...(entry.number ? ['Number'] : [])];
		for (const field of fields) {
			if (!properties[field.split('/')[0]]) throw new Error(`Locator ${entry.set}: ${field} is not a property in ${version}`);
		}
		const hasAlternateKey = Boolean(doc.paths[alternateKeyPath(entry.set)]);
		if (entry.number && version === specs[specs.length - 1].version && !hasAlternateKey) {
			throw new Error(`Locator ${entry.set}: By Number needs the Number alternate key, which ${version} does not have`);
		}
	}
}

/**
 * Marks the path parameters that take a locator: the entity key of `/Set({Id})…`, or a function
 * parameter named after the entity (`Users/Pbx.DownloadGreeting(userId=…)`). Reading the entity
 * itself By Number goes to the alternate-key path (`op.byNumber`); any other operation resolves
 * the number to the Id first.
 * @param {Model} model
 * @param {Spec[]} specs
 */
function annotateLocators(model, specs) {
	for (const entry of LOCATOR_SETS) checkFields(specs, entry);
	const newest = specs[specs.length - 1].doc;
	for (const op of [...model.resources.values()].flat()) {
		const entry = LOCATOR_SETS.find(({ set }) => op.path.startsWith(`/${set}(`) || op.path.startsWith(`/${set}/`));
		if (!entry) continue;
		for (const param of op.pathParams) {
			if (param.type.kind !== 'i') continue;
			const isKey = param.name === 'Id' && op.path.startsWith(`/${entry.set}({Id})`);
			if (!isKey && param.name !== `${lowerCamel(entry.label)}Id`) continue;
			param.locator = { entry, key: locatorKey(entry.set) };
			// One name per entity ("userId"), so every operation taking a user shares one parameter.
			param.prop = `${lowerCamel(entry.label)}Id`;
			if (entry.number && isKey && op.crud === 'get' && newest.paths[alternateKeyPath(entry.set)]?.get) op.byNumber = alternateKeyPath(entry.set);
		}
	}
}

/** @param {LocatorEntry} entry */
const searchMethod = (entry) => `search${entry.set}`;

/**
 * The node parameter: one per (entity set, parameter name), shared by every operation that takes it.
 * @param {LocatorEntry} entry
 * @param {PathParam} param
 * @returns {import('n8n-workflow').INodeProperties}
 */
function locatorProperty(entry, param) {
	/** @type {import('n8n-workflow').INodePropertyMode[]} */
	const modes = [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: searchMethod(entry), searchable: true } },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [{ type: 'regex', properties: { regex: '[0-9]+', errorMessage: `${entry.label} ID must be a whole number, like 12` } }],
		},
	];
	if (entry.number) {
		modes.push({
			displayName: 'By Number',
			name: 'number',
			type: 'string',
			placeholder: `e.g. ${entry.number.example}`,
			validation: [{ type: 'regex', properties: { regex: entry.number.pattern, errorMessage: `${entry.label} number must look like ${entry.number.example}` } }],
		});
	}
	return {
		displayName: entry.label,
		name: param.prop,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes,
	};
}

/**
 * What the runtime needs per locator: list search, label, and the number format it checks.
 * @returns {Record<string, LocatorSet>}
 */
function locatorTable() {
	return Object.fromEntries(
		LOCATOR_SETS.map((entry) => [
			locatorKey(entry.set),
			{
				set: entry.set,
				label: entry.label,
				searchMethod: searchMethod(entry),
				title: entry.title,
				search: entry.search,
				orderBy: entry.orderBy,
				...(entry.number ? { number: entry.number } : {}),
			},
		]),
	);
}

module.exports = { annotateLocators, locatorProperty, locatorTable, LOCATOR_SETS };
