import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Endpoint, LocatorSet } from '../odata/endpoint';
import { queryStringLiteral } from '../odata/literal';
import { xapiNodeError } from '../../shared/transport/errors';
import { sendXapiRequest } from '../../shared/transport/request';
import { responseJson } from '../../shared/transport/response';

/** Only where and how to reach the PBX: the lookup is its own GET, whatever the operation sends. */
function lookupOptions(base: IHttpRequestOptions, url: string, qs: IDataObject): IHttpRequestOptions {
	return {
		baseURL: base.baseURL,
		skipSslCertificateValidation: base.skipSslCertificateValidation,
		headers: { Accept: 'application/json' },
		method: 'GET',
		url,
		qs,
	};
}

/**
 * The Id of the entity with a number, for operations that 3CX only offers by Id: one $filter
 * lookup on the entity set (every 3CX update has it, unlike the Number alternate key).
 */
export async function idForNumber(context: IExecuteSingleFunctions, locator: LocatorSet, number: string, base: IHttpRequestOptions): Promise<number> {
	const url = `/${locator.set}`;
	const endpoint: Endpoint = { method: 'GET', path: url, response: 'collection' };
	const qs = { $filter: `Number eq ${queryStringLiteral(number)}`, $select: 'Id,Number', $top: 1 };
	const response = await sendXapiRequest(context, endpoint, lookupOptions(base, url, qs));
	const rows = (responseJson(response, context) as { value?: IDataObject[] } | undefined)?.value;
	const id = Array.isArray(rows) ? rows[0]?.Id : undefined;
	if (typeof id !== 'number') {
		throw xapiNodeError(context.getNode(), {
			message: `No ${locator.label.toLowerCase()} has the number ${number}`,
			itemIndex: context.getItemIndex(),
			description: `3CX found no ${locator.label.toLowerCase()} with that number, so nothing was changed. Check "${locator.label}" (By Number) or choose it From List.`,
		});
	}
	return id;
}
