import { promises as fs } from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { specFileOf } from './specLocation';

export const XAPI_BASE_PATH = '/xapi/v1';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Schema {
	type?: string;
	format?: string;
	pattern?: string;
	enum?: unknown[];
	nullable?: boolean;
	minLength?: number;
	maxLength?: number;
	[keyword: string]: unknown;
}

interface Parameter {
	in?: string;
	schema?: Schema;
	$ref?: string;
	[field: string]: unknown;
}

type Operation = { parameters?: Parameter[]; responses?: unknown; [field: string]: unknown };
type PathItem = { parameters?: Parameter[]; [methodOrField: string]: unknown };

export interface OpenApiDocument {
	servers?: unknown;
	paths: Record<string, PathItem>;
	components?: { parameters?: Record<string, Parameter>; [section: string]: unknown };
	[field: string]: unknown;
}

/** Writes the Prism-ready copy of one spec version into `targetDir` and returns its file name. */
export async function writePrismReadySpec(version: string, targetDir: string): Promise<string> {
	const original = yaml.load(await fs.readFile(specFileOf(version), 'utf8')) as OpenApiDocument;
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
		for (const operation of operationsOf(pathItem)) {
			operation.parameters?.forEach(quoteStringPathParameter);
			// The answerer replies 204 without a body; the spec's JSON responses would make
			// Prism reject that answer (500 VIOLATIONS). Responses are not under test here.
			operation.responses = { default: { description: 'any' } };
		}
	}
	Object.values(spec.components?.parameters ?? {}).forEach(quoteStringPathParameter);
	return spec;
}

function operationsOf(pathItem: PathItem): Operation[] {
	return HTTP_METHODS.filter((method) => pathItem[method]).map((method) => pathItem[method] as Operation);
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
