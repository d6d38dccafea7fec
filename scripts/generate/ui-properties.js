// @ts-check
'use strict';
const { humanize, lowerCamel } = require('./naming');
const { versionNote } = require('./versions');
const { byText } = require('./order');

/**
 * @typedef {import('n8n-workflow').INodeProperties} INodeProperties
 * @typedef {import('./model').FieldType} FieldType
 * @typedef {import('./model').Operation} Operation
 * @typedef {import('./model').BodyField} BodyField
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').FieldKind} FieldKind
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').LetterKind} LetterKind
 * @typedef {{ name: string; prop: string; type: FieldType }} TypedValue
 */

/**
 * Percentages are plain int32 in the spec; 3CX accepts 0–100 only.
 * @param {string} name
 */
const isPercentage = (name) => /Percentage$/.test(name);
/**
 * Text shown masked: what n8n's lint rule counts as sensitive (a name containing password, secret,
 * token or apiKey — so also "Token Endpoint", which the rule gives no way to tell apart) and PINs.
 * @param {string} name
 */
const isSecret = (name) => /password|secret|token|apikey/i.test(name) || /(PIN|Pin|PinNumber)$/.test(name);

/** 3CX's schema (and so its docs) show a ConcealedPassword as an object; both forms are accepted. */
const CONCEALED_HINT = 'The password, or 3CX\'s object as JSON: {"Value": "…"}';

/**
 * A description with an update note: n8n words a boolean's as a question ("Whether …"), the note follows it.
 * @param {Pick<INodeProperties, 'type' | 'displayName'>} property
 * @param {string | undefined} note
 * @returns {{ description?: string }}
 */
function describe({ type, displayName }, note) {
	if (!note) return {};
	return { description: type === 'boolean' ? `Whether ${displayName} is on; ${note}` : note };
}

/**
 * The node parameter for one typed value (a path parameter, an action parameter or a body field).
 * `initial` replaces the type's usual default.
 * @param {TypedValue} value
 * @param {{ required?: boolean; description?: string; initial?: INodeProperties['default'] }} [how]
 * @returns {INodeProperties}
 */
function valueProperty({ name, prop, type }, { required = false, description, initial } = {}) {
	const base = { displayName: humanize(name), name: prop };
	/** @type {Omit<INodeProperties, 'displayName' | 'name'>} */
	let typed;
	switch (type.kind) {
		case 'e':
			typed = {
				type: 'options',
				options: type.values.map((value) => ({ name: humanize(String(value)), value })).sort(byText('name')),
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
		case 'a':
			typed = { type: 'json', default: '[]' };
			break;
		case 'o':
		case 'j':
			typed = { type: 'json', default: '{}' };
			break;
		case 'c':
			// 3CX's ConcealedPassword: typed as text, sent as { Value } (helpers/values.ts).
			typed = { type: 'string', typeOptions: { password: true }, default: '' };
			break;
		default:
			typed = { type: 'string', default: '' };
			if (isSecret(name)) typed.typeOptions = { password: true };
			else if (/email$/i.test(name)) typed.placeholder = 'name@email.com';
	}
	const property = { ...base, ...typed, ...(initial !== undefined ? { default: initial } : {}), ...(required ? { required: true } : {}) };
	if (type.kind === 'c') return { ...property, description: [CONCEALED_HINT, description].filter(Boolean).join('; ') };
	return { ...property, ...describe(property, description) };
}

/** The collection of action parameters that only older 3CX updates take. */
const OLDER_PARAMETERS = 'olderParameters';

/**
 * Every one-letter kind: tsc (tsconfig.generator.json) fails when these and LetterKind
 * (nodes/ThreeCx/odata/endpoint.ts) differ, so the check below knows the runtime's set.
 * @type {Record<LetterKind, true>}
 */
const LETTER_KINDS = { s: true, u: true, i: true, n: true, p: true, b: true, d: true, D: true, a: true, o: true, j: true, c: true };

/**
 * Whether the runtime knows the kind. The model is typed, but it is JavaScript: a kind that slipped
 * past the types would otherwise reach the table, and helpers/values.ts refuse every value of it.
 * An enum kind must name its enum, which the runtime looks its values up by.
 * @param {string} code
 * @returns {code is FieldKind}
 */
const isFieldKind = (code) => Object.prototype.hasOwnProperty.call(LETTER_KINDS, code) || /^e:[A-Za-z_]\w*$/.test(code);

/**
 * The value's kind in the endpoint table (FieldKind): the spec's type, with a percentage found by
 * its name and an enum named. `where` says whose value it is, should the runtime not know the kind.
 * @param {TypedValue} value
 * @param {string} where
 * @returns {FieldKind}
 */
function kindCode({ name, type }, where) {
	const code = codeOf(name, type);
	if (!isFieldKind(code)) throw new Error(`${where}: ${name} would have the kind "${code}", which the endpoint table does not declare (nodes/ThreeCx/odata/endpoint.ts)`);
	return code;
}

/**
 * A plain string, so that kindCode checks the code rather than trusts its type.
 * @param {string} name
 * @param {FieldType} type
 * @returns {string}
 */
function codeOf(name, type) {
	if (type.kind === 'e') return `e:${type.enumName}`;
	if (type.kind === 'i' && isPercentage(name)) return 'p';
	return type.kind;
}

/**
 * An entity body's fields go in one "Fields" collection that Create and Update share (halving the
 * description n8n sends to every editor), named after the entity ("userFields"); OData action
 * parameters stay top-level inputs.
 * @param {Operation} op
 */
function bodyCollectionName(op) {
	if (op.body?.style !== 'entity') return undefined;
	return op.body.schemaName ? `${lowerCamel(op.body.schemaName)}Fields` : 'fields';
}

/**
 * @param {BodyField} field
 * @param {Operation} op
 * @param {string[]} versions
 */
function bodyFieldProperty(field, op, versions) {
	return valueProperty(field, { description: versionNote(field.versions, versions, op.versions) });
}

/**
 * @param {string} collectionName
 * @param {INodeProperties[]} options
 * @returns {INodeProperties}
 */
function collectionProperty(collectionName, options) {
	return {
		displayName: collectionName === OLDER_PARAMETERS ? 'Parameters of Older 3CX Updates' : 'Fields',
		name: collectionName,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort(byText('displayName')),
	};
}

module.exports = { describe, OLDER_PARAMETERS, valueProperty, kindCode, bodyCollectionName, bodyFieldProperty, collectionProperty };
