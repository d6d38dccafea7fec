import { promises as fs } from 'fs';
import * as yaml from 'js-yaml';
import { specFileOf } from './specLocation';

export interface Schema {
	type?: string;
	format?: string;
	pattern?: string;
	enum?: unknown[];
	nullable?: boolean;
	minLength?: number;
	maxLength?: number;
	[keyword: string]: unknown;
}

export interface Parameter {
	name?: string;
	in?: string;
	schema?: Schema;
	$ref?: string;
	[field: string]: unknown;
}

/** A request body as written inline or under components.requestBodies. */
export interface RequestBody {
	content?: Record<string, { schema?: Schema }>;
	required?: boolean;
	$ref?: string;
}

export interface Operation {
	parameters?: Parameter[];
	requestBody?: unknown;
	responses?: unknown;
	[field: string]: unknown;
}

export interface PathItem {
	parameters?: Parameter[];
	[methodOrField: string]: unknown;
}

/** Just the parts of OpenAPI 3.0 the harness looks at. */
export interface OpenApiDocument {
	servers?: unknown;
	paths: Record<string, PathItem>;
	components?: {
		parameters?: Record<string, Parameter>;
		requestBodies?: Record<string, RequestBody>;
		[section: string]: unknown;
	};
	[field: string]: unknown;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export async function readSpec(version: string): Promise<OpenApiDocument> {
	return yaml.load(await fs.readFile(specFileOf(version), 'utf8')) as OpenApiDocument;
}

/** The operations of one path, by lower-case HTTP method. */
export function operationsOf(pathItem: PathItem): Record<string, Operation> {
	return Object.fromEntries(
		HTTP_METHODS.filter((method) => pathItem[method]).map((method) => [method, pathItem[method] as Operation]),
	);
}
