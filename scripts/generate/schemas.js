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

/**
 * How a field is typed for the node: a one-letter kind the runtime validates against
 * (s string, u uuid, i integer, n number, b boolean, d date-time, D ISO 8601 duration, j JSON object/array, e enum).
 */
function fieldType(doc, schema) {
	const ref = singleRef(schema);
	if (ref) {
		const target = resolveRef(doc, ref);
		if (Array.isArray(target.enum)) return { kind: 'e', enumName: refName(ref).replace(/^Pbx\./, ''), values: target.enum };
		return { kind: 'j' };
	}
	if (schema.anyOf) {
		// OData writes doubles as anyOf [number, string ("INF"/"NaN"), ReferenceNumeric],
		// and nullable complex parameters as anyOf [$ref, {type: object, nullable}].
		const numeric = schema.anyOf.find((s) => s.type === 'number' || s.type === 'integer');
		if (numeric) return fieldType(doc, numeric);
		const typed = schema.anyOf.map((s) => fieldType(doc, s));
		return typed.find((t) => t.kind === 'j') ?? typed.find((t) => t.kind === 'e') ?? { kind: 's' };
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
		default:
			return { kind: 'j', array: schema.type === 'array' };
	}
}

module.exports = { resolveRef, refName, singleRef, objectProperties, fieldType };
