import { promises as fs } from 'fs';
import * as path from 'path';
import { OpenApiDocument, operationsOf, Parameter, readSpec, RequestBody } from './openApi';

export const XAPI_BASE_PATH = '/xapi/v1';

/** Writes the Prism-ready copy of one spec version into `targetDir` and returns its file name. */
export async function writePrismReadySpec(version: string, targetDir: string): Promise<string> {
	const original = await readSpec(version);
	const file = path.join(targetDir, `xapi-${version}.prism.json`);
	// JSON because Prism parses it faster than YAML and nothing reads it but Prism.
	await fs.writeFile(file, JSON.stringify(toPrismReadySpec(original)));
	return file;
}

export function toPrismReadySpec(original: OpenApiDocument): OpenApiDocument {
	const spec = structuredClone(original);
	// Prism ignores the relative `servers: [{url: /xapi/v1}]`; requests only match once the
	// base path is part of every path.
	delete spec.servers;
	const paths = orderMostSpecificLast(Object.keys(spec.paths));
	spec.paths = Object.fromEntries(paths.map((p) => [XAPI_BASE_PATH + p, spec.paths[p]]));

	for (const pathItem of Object.values(spec.paths)) {
		pathItem.parameters?.forEach(quoteStringPathParameter);
		for (const operation of Object.values(operationsOf(pathItem))) {
			operation.parameters?.forEach(quoteStringPathParameter);
			closeActionParameters(operation.requestBody);
			// The answerer replies 204 without a body; the spec's JSON responses would make
			// Prism reject that answer (500 VIOLATIONS). Responses are not under test here.
			operation.responses = { default: { description: 'any' } };
		}
	}
	Object.values(spec.components?.parameters ?? {}).forEach(quoteStringPathParameter);
	Object.values(spec.components?.requestBodies ?? {}).forEach(closeActionParameters);
	return spec;
}

/**
 * Prism's router tests each templated segment with an unanchored regex, so `Users({Id})` also
 * claims `Users(Number='100')` and `Groups({Id})` claims `RingGroups(5)`; among equally scored
 * candidates the one listed LAST in the document wins. Listing the paths with more literal text
 * in their templated segments later makes the most specific path win. (Stable sort: the
 * rest keeps the spec's order.)
 */
export function orderMostSpecificLast(paths: string[]): string[] {
	const literalTextAroundParameters = (p: string) =>
		p
			.split('/')
			.filter((segment) => segment.includes('{'))
			.reduce((length, segment) => length + segment.replace(/\{[^}]*\}/g, '').length, 0);
	return [...paths].sort((a, b) => literalTextAroundParameters(a) - literalTextAroundParameters(b));
}

/**
 * Prism validates a key or function parameter as the raw OData literal, quotes included:
 * `Users(Number='100')` gives Number = `'100'`. A plain `type: string` would then accept a
 * missing quote, and `maxLength: 12` (Sbcs Name) would count the two quotes and falsely reject
 * a valid 12-character name. The pattern checks the literal exactly: quoted, embedded quotes
 * doubled, the length limits applied to the content, and the unquoted `null` literal where the
 * parameter is nullable. Date-time, uuid and non-string parameters go unquoted and keep their
 * schema.
 */
function quoteStringPathParameter(parameter: Parameter): void {
	const schema = parameter.schema;
	if (parameter.in !== 'path' || !schema || schema.type !== 'string') return;
	if (schema.pattern !== undefined || schema.format !== undefined || schema.enum !== undefined) return;

	const { minLength, maxLength, ...rest } = schema;
	const contentLength =
		minLength === undefined && maxLength === undefined ? '*' : `{${minLength ?? 0},${maxLength ?? ''}}`;
	const quotedLiteral = `'(?:[^']|'')${contentLength}'`;
	parameter.schema = {
		...rest,
		pattern: schema.nullable ? `^(?:null|${quotedLiteral})$` : `^${quotedLiteral}$`,
	};
}

/**
 * An OData action's body is an object of its parameters (`{"opts": {…}}`), and the server
 * refuses a parameter the action does not declare. The spec leaves these objects open, so
 * Prism would let a misplaced field through (`{"SipAuth": true}` beside or instead of
 * `{"opts": {"SipAuth": true}}`); closing them makes it bite. Entity bodies (a `$ref` to an
 * entity schema, e.g. PATCH Users) stay open: derived types extend them through `allOf`.
 */
function closeActionParameters(requestBody: unknown): void {
	const schema = (requestBody as RequestBody | undefined)?.content?.['application/json']?.schema;
	if (schema?.type === 'object' && schema.properties !== undefined && schema.$ref === undefined) {
		schema.additionalProperties = false;
	}
}
