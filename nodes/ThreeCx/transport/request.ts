import type { IExecuteSingleFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { Endpoint } from '../odata/endpoint';
import { toNodeApiError } from './errors';
import { inspectFailure } from './failure';

export const CREDENTIAL_TYPE = 'threeCxApi';

/** The action node sends per item; the trigger's poll and the editor's list searches send with no item. */
export type XapiRequestContext = IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Reads are retried on these; writes never are, since 3CX may have applied them. */
const RETRYABLE = new Set([429, 502, 503, 504]);
const MAX_TRIES = 3;
const MAX_WAIT_MS = 30_000;

function retryDelayMs(headers: Record<string, unknown>, attempt: number): number {
	const retryAfter = headers['retry-after'];
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(String(retryAfter));
		if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
	}
	return 500 * 2 ** (attempt - 1);
}

/**
 * Sends one XAPI request through n8n's authenticated request helper — so a 401 still makes n8n
 * re-mint the token and retry once — and turns failures into readable errors. The body comes
 * back raw (arraybuffer): whether it is JSON or a file is decided by its Content-Type.
 */
export async function sendXapiRequest(
	context: XapiRequestContext,
	endpoint: Endpoint,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const request: IHttpRequestOptions = { ...options, returnFullResponse: true, encoding: 'arraybuffer', json: false };
	if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
		request.body = JSON.stringify(request.body);
		request.headers = { ...request.headers, 'Content-Type': 'application/json' };
	}
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		try {
			return (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request)) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = inspectFailure(error);
			const delay = failure.status !== undefined ? retryDelayMs(failure.headers, attempt) : 0;
			const retry = request.method === 'GET' && RETRYABLE.has(failure.status ?? 0) && attempt < MAX_TRIES && waited + delay <= MAX_WAIT_MS;
			if (!retry) throw toNodeApiError(context.getNode(), failure, endpoint, 'getItemIndex' in context ? context.getItemIndex() : 0);
			waited += delay;
			await sleep(delay);
		}
	}
}
