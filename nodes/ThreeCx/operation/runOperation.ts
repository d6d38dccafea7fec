import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Endpoint } from '../odata/endpoint';
import { fillPath } from '../odata/literal';
import { collectPages, MAX_ITEMS_PER_INPUT_ITEM } from '../odata/paging';
import { asNodeApiError, xapiNodeError } from '../transport/errors';
import { sendXapiRequest } from '../transport/request';
import { fileItem, isJsonResponse, responseJson } from '../transport/response';
import { pathLiterals } from './pathLiterals';
import { currentEndpoint } from './endpoints';

type Json = IDataObject & { value?: unknown; '@odata.count'?: number };

function withoutODataContext(body: Json): IDataObject {
	const rest: IDataObject = { ...body };
	delete rest['@odata.context'];
	return rest;
}

interface CollectionPage {
	rows: IDataObject[];
	count?: number;
}

function rowsOf(body: Json): CollectionPage {
	const rows = Array.isArray(body.value) ? (body.value as IDataObject[]) : [];
	return { rows, count: typeof body['@odata.count'] === 'number' ? body['@odata.count'] : undefined };
}

function rowItems({ rows, count }: CollectionPage): INodeExecutionData[] {
	return rows.map((row) => ({ json: count === undefined ? row : { ...row, '@odata.count': count } }));
}

/**
 * With Options › Count on and no rows, the count alone, so that a workflow can react to an empty
 * result ("the count dropped to 0"); n8n would otherwise end the branch with no item.
 */
function countWhenEmpty(items: INodeExecutionData[], count: number | undefined, qs: IDataObject | undefined): INodeExecutionData[] {
	if (items.length > 0 || qs?.$count !== true) return items;
	return [{ json: { '@odata.count': count ?? 0 } }];
}

/** Sends on the newest path; an operation whose path changed between updates falls back to its older form on 404. */
async function send(context: IExecuteSingleFunctions, endpoint: Endpoint, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	try {
		return await sendXapiRequest(context, endpoint, options);
	} catch (error) {
		if (!(endpoint.legacyPath && error instanceof NodeApiError && error.httpCode === '404')) throw asNodeApiError(context.getNode(), error, context.getItemIndex());
		const url = fillPath(endpoint.legacyPath, await pathLiterals(context, endpoint, endpoint.legacyPath, options));
		return await sendXapiRequest(context, endpoint, { ...options, url });
	}
}

async function toItems(
	context: IExecuteSingleFunctions,
	endpoint: Endpoint,
	options: IHttpRequestOptions,
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!isJsonResponse(response, endpoint.file !== undefined)) {
		const binaryPropertyName = endpoint.file ? (context.getNodeParameter('binaryPropertyName', 'data') as string) : 'data';
		return [await fileItem(context, response, endpoint.file ?? 'download', binaryPropertyName)];
	}
	const body = responseJson(response, context) as Json | undefined;
	if (body === undefined || body === null) {
		if (endpoint.method === 'DELETE') return [{ json: { deleted: true } }];
		if (endpoint.reread) {
			const current = await send(context, endpoint, { ...options, method: 'GET', body: undefined, qs: {} });
			return await toItems(context, { ...endpoint, reread: undefined }, options, current);
		}
		return [{ json: { success: true } }];
	}
	if (typeof body !== 'object' || Array.isArray(body)) return [{ json: { value: body } }];
	if (Array.isArray(body.value)) {
		const page = rowsOf(body);
		return countWhenEmpty(rowItems(page), page.count, options.qs as IDataObject | undefined);
	}
	return [{ json: withoutODataContext(body) }];
}

/**
 * The node's request loop, hooked in as the declarative `pagination` routine so that it runs for
 * every operation: pages collections, re-reads updated entities, turns files into binary data.
 */
export async function runOperation(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await itemsFor(this, requestData.options as IHttpRequestOptions);
	} catch (error) {
		throw asNodeApiError(this.getNode(), error, this.getItemIndex());
	}
}

/** `options` as buildRequest left them, the url set. */
async function itemsFor(context: IExecutePaginationFunctions, options: IHttpRequestOptions): Promise<INodeExecutionData[]> {
	const { endpoint } = currentEndpoint(context);
	const qs = (options.qs ?? {}) as IDataObject;
	if (!endpoint.paged || qs.$top !== undefined) {
		return await toItems(context, endpoint, options, await send(context, endpoint, options));
	}
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? MAX_ITEMS_PER_INPUT_ITEM + 1 : (context.getNodeParameter('limit', 50) as number);
	if (!returnAll && limit > MAX_ITEMS_PER_INPUT_ITEM) throw tooManyItems(context, false);
	// Every row carries the count the first page reported, as a single answer would.
	let count: number | undefined;
	const items = await collectPages(
		async (top, skip) => {
			const response = await send(context, endpoint, { ...options, qs: { ...qs, $top: top, $skip: skip } });
			const page = rowsOf((responseJson(response, context) ?? {}) as Json);
			count ??= page.count;
			return rowItems({ rows: page.rows, count });
		},
		{ limit, startAt: typeof qs.$skip === 'number' ? qs.$skip : 0 },
	);
	if (items.length > MAX_ITEMS_PER_INPUT_ITEM) throw tooManyItems(context, returnAll);
	return countWhenEmpty(items, count, qs);
}

function tooManyItems(context: IExecutePaginationFunctions, returnAll: boolean): NodeApiError {
	const most = MAX_ITEMS_PER_INPUT_ITEM.toLocaleString('en-US');
	return xapiNodeError(context.getNode(), {
		message: returnAll ? `Return All stops at ${most} items: 3CX has more` : `Limit must be at most ${most}`,
		itemIndex: context.getItemIndex(),
		description: `n8n cannot pass on more than ${most} items for one input item. Narrow the rows with Options › Filter, or read them in parts with Limit and Options › Skip.`,
	});
}
