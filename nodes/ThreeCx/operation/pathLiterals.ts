import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { locators } from '../generated';
import { locatorKey } from '../helpers/locator';
import { toApiValue } from '../helpers/values';
import type { Endpoint } from '../odata/endpoint';
import { odataLiteral, stringLiteral, type LiteralValue } from '../odata/literal';
import type { XapiConnection } from '../../shared/transport/pbx';
import { idForNumber } from './resolveNumber';

type Param = NonNullable<Endpoint['params']>[number];

function plainLiteral(context: IExecuteSingleFunctions, param: Param): string {
	const raw = context.getNodeParameter(param.prop, '') as unknown;
	const empty = raw === '' || raw === null || raw === undefined;
	const value = empty && param.nullable ? null : (toApiValue(param.name, param.kind, raw) as LiteralValue);
	return odataLiteral(param.kind, value);
}

/** A locator's literals: the number itself where the path takes `{Number}`, else the Id (a number looked up). */
async function locatorLiterals(context: IExecuteSingleFunctions, param: Param, template: string, connection: XapiConnection): Promise<Record<string, string>> {
	const locator = locators[param.locator!];
	const key = locatorKey(locator, context.getNodeParameter(param.prop, '') as unknown);
	if (key.mode === 'number' && template.includes('{Number}')) return { Number: stringLiteral(key.number) };
	const id = key.mode === 'id' ? key.id : await idForNumber(context, locator, key.number, connection);
	return { [param.name]: String(id) };
}

/**
 * The OData literals for the placeholders of a path template (the endpoint's path, its legacy
 * path or its alternate-key path). `connection` says how to reach the PBX for a number lookup.
 */
export async function pathLiterals(
	context: IExecuteSingleFunctions,
	endpoint: Endpoint,
	template: string,
	connection: XapiConnection,
): Promise<Record<string, string>> {
	const literals: Record<string, string> = {};
	for (const param of endpoint.params ?? []) {
		if (param.locator) Object.assign(literals, await locatorLiterals(context, param, template, connection));
		else literals[param.name] = plainLiteral(context, param);
	}
	return literals;
}

/** Whether the operation's key parameter is given By Number (the editor's locator mode, read without validating). */
export function keyGivenByNumber(context: IExecuteSingleFunctions, endpoint: Endpoint): boolean {
	const param = endpoint.params?.find((p) => p.locator);
	if (!param) return false;
	// The mode is never an expression: read it raw instead of evaluating the value once more per item.
	const raw = context.getNodeParameter(param.prop, '', { rawExpressions: true }) as { mode?: unknown } | undefined;
	return typeof raw === 'object' && raw !== null && raw.mode === 'number';
}
