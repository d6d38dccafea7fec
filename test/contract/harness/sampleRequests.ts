import { XAPI_BASE_PATH } from './preprocessSpec';
import { OpenApiDocument, operationsOf, Parameter, Schema } from './openApi';

/** One valid request for one operation, built from the spec alone. */
export interface SampleRequest {
	method: string;
	/** The operation's path as in the spec, without the base path. */
	pathTemplate: string;
	pathAndQuery: string;
	/** `{}` where the operation takes a body: no XAPI body schema has required properties. */
	body?: unknown;
}

export function sampleRequestsOf(spec: OpenApiDocument): SampleRequest[] {
	return Object.entries(spec.paths).flatMap(([pathTemplate, pathItem]) =>
		Object.entries(operationsOf(pathItem)).map(([method, operation]) => {
			const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
				resolved(p, spec),
			);
			const pathAndQuery =
				XAPI_BASE_PATH +
				pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
					const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
					if (!parameter?.schema) throw new Error(`${method} ${pathTemplate}: no schema for {${name}}`);
					return sampleLiteral(parameter.schema, `${method} ${pathTemplate} {${name}}`);
				});
			return {
				method: method.toUpperCase(),
				pathTemplate,
				pathAndQuery,
				body: operation.requestBody === undefined ? undefined : {},
			};
		}),
	);
}

function resolved(parameter: Parameter, spec: OpenApiDocument): Parameter {
	if (parameter.$ref === undefined) return parameter;
	const name = parameter.$ref.replace('#/components/parameters/', '');
	const target = spec.components?.parameters?.[name];
	if (!target) throw new Error(`unresolvable parameter ${parameter.$ref}`);
	return target;
}

/** The OData literal of a valid value, percent-encoded as it goes in the URL. */
function sampleLiteral(schema: Schema, where: string): string {
	if (schema.type === 'integer' || schema.type === 'number') return '1';
	if (schema.type === 'boolean') return 'true';
	if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
	if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-fA-F]{8}-')) {
		return '00000000-0000-0000-0000-000000000000';
	}
	if (schema.type === 'string' && schema.pattern === undefined) return encodeURIComponent("'x'");
	throw new Error(`${where}: no sample for schema ${JSON.stringify(schema)}`);
}
