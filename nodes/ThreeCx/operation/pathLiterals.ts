import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { locators } from '../generated';
import { locatorKey, type LocatorKey } from '../helpers/locator';
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

/**
 * The OData literals for the placeholders of a path template (the endpoint's path, its legacy
 * path or its alternate-key path), as a function of the template. Each value is read and checked
 * once per item, and a number looked up once, however many templates ask for it: a locator given
 * By Number is the number itself where the template takes `{Number}`, else the Id.
 * `connection` says how to reach the PBX for a number lookup.
 */
export function pathLiterals(
	context: IExecuteSingleFunctions,
	endpoint: Endpoint,
	connection: XapiConnection,
): (template: string) => Promise<Record<string, string>> {
	const plain = new Map<Param, string>();
	const keys = new Map<Param, LocatorKey>();
	const ids = new Map<Param, Promise<number>>();
	return async (template) => {
		const literals: Record<string, string> = {};
		for (const param of endpoint.params ?? []) {
			if (!param.locator) {
				if (!plain.has(param)) plain.set(param, plainLiteral(context, param));
				literals[param.name] = plain.get(param)!;
				continue;
			}
			const locator = locators[param.locator];
			const key = keys.get(param) ?? locatorKey(locator, context.getNodeParameter(param.prop, '') as unknown);
			keys.set(param, key);
			if (key.mode === 'number' && template.includes('{Number}')) {
				literals.Number = stringLiteral(key.number);
				continue;
			}
			if (key.mode === 'number' && !ids.has(param)) ids.set(param, idForNumber(context, locator, key.number, connection));
			literals[param.name] = String(key.mode === 'id' ? key.id : await ids.get(param));
		}
		return literals;
	};
}

/** Whether the operation's key parameter is given By Number (the editor's locator mode, read without validating). */
export function keyGivenByNumber(context: IExecuteSingleFunctions, endpoint: Endpoint): boolean {
	const param = endpoint.params?.find((p) => p.locator);
	if (!param) return false;
	// The mode is never an expression: read it raw instead of evaluating the value once more per item.
	const raw = context.getNodeParameter(param.prop, '', { rawExpressions: true }) as { mode?: unknown } | undefined;
	return typeof raw === 'object' && raw !== null && raw.mode === 'number';
}
