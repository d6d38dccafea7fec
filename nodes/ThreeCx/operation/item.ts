import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Endpoint } from '../odata/endpoint';
import { fillPath } from '../odata/literal';
import type { XapiConnection } from '../../shared/transport/pbx';
import { currentEndpoint } from './endpoints';
import { pathLiterals } from './pathLiterals';

/** An item's operation: its endpoint, and its URL on any of the endpoint's path templates. */
export interface ItemOperation {
	endpoint: Endpoint;
	urlOn(template: string): Promise<string>;
}

export function itemOperation(context: IExecuteSingleFunctions, endpoint: Endpoint, connection: XapiConnection): ItemOperation {
	const literals = pathLiterals(context, endpoint, connection);
	return { endpoint, urlOn: async (template) => fillPath(template, await literals(template)) };
}

/**
 * buildRequest (n8n's preSend) works an item's operation out; runOperation (n8n's pagination
 * routine) needs it again for the same item, and n8n hands it the very options buildRequest
 * returned. Keyed by them, it is worked out once: a By-Number lookup for the legacy path included.
 */
const byRequest = new WeakMap<IHttpRequestOptions, ItemOperation>();

export function keepItemOperation(options: IHttpRequestOptions, operation: ItemOperation): IHttpRequestOptions {
	byRequest.set(options, operation);
	return options;
}

/** The item's operation for the options buildRequest returned; worked out anew for any others. */
export function itemOperationOf(context: IExecuteSingleFunctions, options: IHttpRequestOptions): ItemOperation {
	const kept = byRequest.get(options);
	if (kept) return kept;
	const connection = { baseURL: String(options.baseURL ?? ''), skipSslCertificateValidation: options.skipSslCertificateValidation === true };
	return itemOperation(context, currentEndpoint(context).endpoint, connection);
}
