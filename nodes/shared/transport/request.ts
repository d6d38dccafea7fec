import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, IPollFunctions } from 'n8n-workflow';
import { toNodeApiError } from './errors';
import { inspectFailure } from './failure';
import type { RequestTarget } from './messages';
import type { XapiConnection } from './pbx';
import { withTokenRetries } from './refusedToken';
import { responseJson } from './response';
import { withRetries } from './retry';

export const CREDENTIAL_TYPE = 'threeCxApi';

/** The action node sends per item; the trigger's poll and the editor's list searches send with no item. */
export type XapiRequestContext = IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

/**
 * Sends one XAPI request through n8n's authenticated request helper — so a 401 still makes n8n
 * re-mint the token and retry once; a token refused after that is tried again (refusedToken.ts) —
 * and turns failures into readable errors. Reads are retried while 3CX is busy (retry.ts). The
 * body comes back raw (arraybuffer): whether it is JSON or a file is decided by its Content-Type.
 */
export async function sendXapiRequest(
	context: XapiRequestContext,
	target: RequestTarget,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const request: IHttpRequestOptions = { ...options, returnFullResponse: true, encoding: 'arraybuffer', json: false };
	if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
		request.body = JSON.stringify(request.body);
		request.headers = { ...request.headers, 'Content-Type': 'application/json' };
	}
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	return await withRetries(
		async () =>
			await withTokenRetries(
				async () => (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request)) as IN8nHttpFullResponse,
			),
		{
			// Writes are never sent twice: 3CX may have applied them before failing.
			retry: request.method === 'GET',
			failureOf: inspectFailure,
			giveUp: (error, askedToWaitMs) => toNodeApiError(context.getNode(), { ...inspectFailure(error), askedToWaitMs }, target, itemIndex),
		},
	);
}

/** A read beside the operation the user chose: a list search, a number lookup, a trigger's poll. */
export interface XapiRead extends RequestTarget {
	/** The path as sent when it differs from `path` (a function's arguments filled in). */
	request?: string;
	qs?: IDataObject;
}

/** GETs a JSON answer (undefined when empty), with the retries and readable errors of every XAPI request. */
export async function readXapi(context: XapiRequestContext, connection: XapiConnection, read: XapiRead): Promise<unknown> {
	const response = await sendXapiRequest(context, read, {
		method: 'GET',
		baseURL: connection.baseURL,
		url: read.request ?? read.path,
		skipSslCertificateValidation: connection.skipSslCertificateValidation,
		headers: { Accept: 'application/json' },
		qs: read.qs,
	});
	return responseJson(response, context);
}
