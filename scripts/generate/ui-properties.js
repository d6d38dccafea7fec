'use strict';
const { humanize, lowerCamel } = require('./naming');
const { versionNote } = require('./versions');

/** Percentages are plain int32 in the spec; 3CX accepts 0–100 only. */
const isPercentage = (name) => /Percentage$/.test(name);
const isSecret = (name) => /(Password|Secret|ApiKey|Token)$/i.test(name);

/** The node parameter for one typed value (a path parameter, an action parameter or a body field). */
function valueProperty({ name, prop, type }, { required = false, description } = {}) {
	const base = { displayName: humanize(name), name: prop };
	let typed;
	switch (type.kind) {
		case 'e':
			typed = {
				type: 'options',
				options: type.values.map((value) => ({ name: humanize(String(value)), value })),
				default: type.values[0],
			};
			break;
		case 'i':
		case 'n':
			typed = { type: 'number', default: 0 };
			if (isPercentage(name)) typed.typeOptions = { minValue: 0, maxValue: 100 };
			break;
		case 'b':
			typed = { type: 'boolean', default: false };
			break;
		case 'd':
			typed = { type: 'dateTime', default: '' };
			break;
		case 'D':
			typed = { type: 'string', default: '', placeholder: 'PT1H30M' };
			break;
		case 'j':
			typed = { type: 'json', default: type.array ? '[]' : '{}' };
			break;
		default:
			typed = { type: 'string', default: '' };
			if (isSecret(name)) typed.typeOptions = { password: true };
	}
	return {
		...base,
		...typed,
		...(required ? { required: true } : {}),
		...(description ? { description } : {}),
	};
}

/** The collection of action parameters that only older 3CX updates take. */
const OLDER_PARAMETERS = 'olderParameters';

/** The runtime's type code for a value: one letter, "p" a 0–100 percentage, "e:Enum" an enum. */
function kindCode({ name, type }) {
	if (type.kind === 'e') return `e:${type.enumName}`;
	if (type.kind === 'i' && isPercentage(name)) return 'p';
	return type.kind;
}

/**
 * An entity body's fields go in one "Fields" collection that Create and Update share (halving the
 * description n8n sends to every editor), named after the entity ("userFields"); OData action
 * parameters stay top-level inputs.
 */
function bodyCollectionName(op) {
	if (op.body?.style !== 'entity') return undefined;
	return op.body.schemaName ? `${lowerCamel(op.body.schemaName)}Fields` : 'fields';
}

function bodyFieldProperty(field, op, versions) {
	return valueProperty(field, { description: versionNote(field.versions, versions, op.versions) });
}

function collectionProperty(collectionName, options) {
	return {
		displayName: collectionName === OLDER_PARAMETERS ? 'Parameters of Older 3CX Updates' : 'Fields',
		name: collectionName,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

module.exports = { OLDER_PARAMETERS, valueProperty, kindCode, bodyCollectionName, bodyFieldProperty, collectionProperty };
