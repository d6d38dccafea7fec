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
import { collectPages, MAX_ITEMS_PER_INPUT_ITEM } from '../odata/paging';
import { knownTopLimit, type TopLimitScope } from '../../shared/transport/topLimit';
import { asNodeApiError, xapiNodeError } from '../../shared/transport/errors';
import { topAboveLimit } from '../../shared/transport/messages';
import { sendXapiRequest } from '../../shared/transport/request';
import { fileItem, isJsonResponse, responseJson } from '../../shared/transport/response';
import { itemOperationOf, type ItemOperation } from './item';

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

/** The entity a key filter found (Endpoint.byFilter); none is the 404 its key path would be. */
function onlyRow(context: IExecuteSingleFunctions, endpoint: Endpoint, options: IHttpRequestOptions, rows: IDataObject[]): IDataObject {
	if (rows.length > 0) return rows[0];
	const filter = String((options.qs as IDataObject | undefined)?.$filter ?? '');
	throw xapiNodeError(context.getNode(), {
		message: `Not found — 3CX lists no ${endpoint.path.replace(/^\//, '')} entry where ${filter}`,
		description: 'Check the ID you gave.',
		httpCode: '404',
		itemIndex: context.getItemIndex(),
	});
}

/** Sends on the newest path; an operation whose path changed between updates falls back to its older form on 404. */
async function send(context: IExecuteSingleFunctions, operation: ItemOperation, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	const { endpoint } = operation;
	try {
		return await sendXapiRequest(context, endpoint, options);
	} catch (error) {
		if (!(endpoint.legacyPath && error instanceof NodeApiError && error.httpCode === '404')) throw asNodeApiError(context.getNode(), error, context.getItemIndex());
		return await sendXapiRequest(context, endpoint, { ...options, url: await operation.urlOn(endpoint.legacyPath) });
	}
}

async function toItems(
	context: IExecuteSingleFunctions,
	operation: ItemOperation,
	options: IHttpRequestOptions,
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { endpoint } = operation;
	if (!isJsonResponse(response, endpoint.file !== undefined)) {
		const binaryPropertyName = endpoint.file ? (context.getNodeParameter('binaryPropertyName', 'data') as string) : 'data';
		return [await fileItem(context, response, endpoint.file ?? 'download', binaryPropertyName)];
	}
	const body = responseJson(response, context) as Json | undefined;
	if (body === undefined || body === null) {
		if (endpoint.method === 'DELETE') return [{ json: { deleted: true } }];
		if (endpoint.reread) {
			const current = await send(context, operation, { ...options, method: 'GET', body: undefined, qs: {} });
			return await toItems(context, { ...operation, endpoint: { ...endpoint, reread: undefined } }, options, current);
		}
		return [{ json: { success: true } }];
	}
	if (typeof body !== 'object' || Array.isArray(body)) return [{ json: { value: body } }];
	if (endpoint.byFilter && Array.isArray(body.value)) return [{ json: onlyRow(context, endpoint, options, body.value as IDataObject[]) }];
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
	const operation = itemOperationOf(context, options);
	const { endpoint } = operation;
	const qs = (options.qs ?? {}) as IDataObject;
	const scope = { baseURL: String(options.baseURL ?? ''), path: endpoint.path };
	if (qs.$top !== undefined) refuseTopAboveKnownLimit(context, scope, Number(qs.$top));
	if (!endpoint.paged || qs.$top !== undefined) {
		return await toItems(context, operation, options, await send(context, operation, options));
	}
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? MAX_ITEMS_PER_INPUT_ITEM + 1 : (context.getNodeParameter('limit', 50) as number);
	if (!returnAll && limit > MAX_ITEMS_PER_INPUT_ITEM) throw tooManyItems(context, false);
	// 3CX counts only the page when it pages before filtering: the node counts the rows itself then.
	const countsPage = endpoint.pagesBeforeFilter === true;
	// Every row carries the count the first page reported, as a single answer would.
	let count: number | undefined;
	const fetchPage = async (top: number, skip: number) => {
		const response = await send(context, operation, { ...options, qs: { ...qs, $top: top, $skip: skip } });
		const page = rowsOf((responseJson(response, context) ?? {}) as Json);
		count ??= countsPage ? undefined : page.count;
		return countsPage ? page.rows.map((row) => ({ json: row })) : rowItems({ rows: page.rows, count });
	};
	const filtered = qs.$filter !== undefined || qs.$search !== undefined;
	const rowExistsAt =
		countsPage && filtered
			? async (skip: number) => {
					const unfiltered = { ...qs };
					for (const option of ['$filter', '$search', '$count']) delete unfiltered[option];
					const response = await send(context, operation, { ...options, qs: { ...unfiltered, $top: 1, $skip: skip } });
					return rowsOf((responseJson(response, context) ?? {}) as Json).rows.length > 0;
				}
			: undefined;
	const items = await collectPages(fetchPage, {
		limit,
		startAt: typeof qs.$skip === 'number' ? qs.$skip : 0,
		pageSize: endpoint.pageSize,
		scope,
		rowExistsAt,
	});
	if (items.length > MAX_ITEMS_PER_INPUT_ITEM) throw tooManyItems(context, returnAll);
	if (countsPage && qs.$count === true) {
		count = items.length;
		for (const item of items) item.json['@odata.count'] = count;
	}
	return countWhenEmpty(items, count, qs);
}

/** A Top the PBX is known to refuse is bad input: said before anything is sent. */
function refuseTopAboveKnownLimit(context: IExecutePaginationFunctions, scope: TopLimitScope, top: number): void {
	const limit = knownTopLimit(scope);
	if (limit === undefined || top <= limit) return;
	const { message, description } = topAboveLimit(limit, top);
	throw xapiNodeError(context.getNode(), { message, description: `${description} Nothing was sent to 3CX.`, itemIndex: context.getItemIndex() });
}

function tooManyItems(context: IExecutePaginationFunctions, returnAll: boolean): NodeApiError {
	const most = MAX_ITEMS_PER_INPUT_ITEM.toLocaleString('en-US');
	return xapiNodeError(context.getNode(), {
		message: returnAll ? `Return All stops at ${most} items: 3CX has more` : `Limit must be at most ${most}`,
		itemIndex: context.getItemIndex(),
		description: `n8n cannot pass on more than ${most} items for one input item. Narrow the rows with Options › Filter, or read them in parts with Limit and Options › Skip.`,
	});
}
