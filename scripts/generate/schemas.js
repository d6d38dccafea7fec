'use strict';

/** Follows a local "#/components/…" reference. */
function resolveRef(doc, ref) {
	return ref
		.replace(/^#\//, '')
		.split('/')
		.reduce((node, key) => node[key], doc);
}

const refName = (ref) => ref.split('/').pop();

/** The single $ref behind `{$ref}` or `{allOf: [{$ref}], nullable}`, as OData's generator writes nullable references. */
function singleRef(schema) {
	if (schema.$ref) return schema.$ref;
	if (schema.allOf?.length === 1 && schema.allOf[0].$ref) return schema.allOf[0].$ref;
	return undefined;
}

/** An entity's properties, following allOf inheritance (Pbx.Receptionist extends Pbx.DN). */
function objectProperties(doc, schema) {
	const ref = singleRef(schema);
	if (ref && !schema.properties) return objectProperties(doc, resolveRef(doc, ref));
	const properties = {};
	for (const part of schema.allOf ?? []) Object.assign(properties, objectProperties(doc, part));
	Object.assign(properties, schema.properties ?? {});
	return properties;
}

/** JSON kinds: a list, an object, or (a schema without a type) any JSON value. */
const JSON_KINDS = new Set(['a', 'o', 'j']);

/**
 * How a field is typed for the node: a one-letter kind the runtime validates against
 * (s string, u uuid, i integer, n number, b boolean, d date-time, D ISO 8601 duration, e enum,
 * a JSON array, o JSON object, j any JSON, c 3CX's ConcealedPassword — a secret typed as text).
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
