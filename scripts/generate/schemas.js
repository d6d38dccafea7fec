// @ts-check
'use strict';

/**
 * @typedef {import('./model').Schema} Schema
 * @typedef {import('./model').SpecDoc} SpecDoc
 * @typedef {import('./model').FieldType} FieldType
 */

/**
 * Follows a local "#/components/…" reference.
 * @param {SpecDoc} doc
 * @param {string} ref
 * @returns {any} whatever the spec holds there: a schema, a response, a parameter
 */
function resolveRef(doc, ref) {
	return ref
		.replace(/^#\//, '')
		.split('/')
		.reduce((/** @type {any} */ node, key) => node[key], doc);
}

/** @param {string} ref */
const refName = (ref) => /** @type {string} */ (ref.split('/').pop());

/**
 * The single $ref behind `{$ref}` or `{allOf: [{$ref}], nullable}`, as OData's generator writes nullable references.
 * @param {Schema} schema
 */
function singleRef(schema) {
	if (schema.$ref) return schema.$ref;
	if (schema.allOf?.length === 1 && schema.allOf[0].$ref) return schema.allOf[0].$ref;
	return undefined;
}

/**
 * An entity's properties, following allOf inheritance (Pbx.Receptionist extends Pbx.DN).
 * @param {SpecDoc} doc
 * @param {Schema} schema
 * @returns {Record<string, Schema>}
 */
function objectProperties(doc, schema) {
	const ref = singleRef(schema);
	if (ref && !schema.properties) return objectProperties(doc, resolveRef(doc, ref));
	/** @type {Record<string, Schema>} */
	const properties = {};
	for (const part of schema.allOf ?? []) Object.assign(properties, objectProperties(doc, part));
	Object.assign(properties, schema.properties ?? {});
	return properties;
}

/** @type {ReadonlySet<FieldType['kind']>} */
const JSON_KINDS = new Set(['a', 'o', 'j']);

/**
 * How a field is typed for the node: the kinds of the endpoint table (nodes/ThreeCx/odata/endpoint.ts),
 * an enum still with its values.
 * @param {SpecDoc} doc
 * @param {Schema} schema
 * @returns {FieldType}
 */
function fieldType(doc, schema) {
	const ref = singleRef(schema);
	if (ref) {
		const target = resolveRef(doc, ref);
		if (Array.isArray(target.enum)) return { kind: 'e', enumName: refName(ref).replace(/^Pbx\./, ''), values: target.enum };
		if (refName(ref) === 'Pbx.ConcealedPassword') return { kind: 'c' };
		return { kind: target.type === 'array' ? 'a' : 'o' };
	}
	if (schema.anyOf) {
		// OData writes doubles as anyOf [number, string ("INF"/"NaN"), ReferenceNumeric],
		// and nullable complex parameters as anyOf [$ref, {type: object, nullable}].
		const numeric = schema.anyOf.find((s) => s.type === 'number' || s.type === 'integer');
		if (numeric) return fieldType(doc, numeric);
		const typed = schema.anyOf.map((s) => fieldType(doc, s));
		return typed.find((t) => JSON_KINDS.has(t.kind) || t.kind === 'c') ?? typed.find((t) => t.kind === 'e') ?? { kind: 's' };
	}
	switch (schema.type) {
		case 'integer':
			return { kind: 'i' };
		case 'number':
			return { kind: schema.format === 'int32' ? 'i' : 'n' };
		case 'boolean':
			return { kind: 'b' };
		case 'string':
			if (schema.format === 'date-time') return { kind: 'd' };
			if (schema.format === 'duration') return { kind: 'D' };
			return { kind: schema.format === 'uuid' ? 'u' : 's' };
		case 'array':
			return { kind: 'a' };
		case 'object':
			return { kind: 'o' };
		default:
			return { kind: 'j' };
	}
}

module.exports = { resolveRef, refName, singleRef, objectProperties, fieldType };
