import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { sendWithinTopLimit, type TopLimitScope } from '../../shared/transport/topLimit';
import { xapiConnection, type XapiConnection } from '../../shared/transport/pbx';
import { CREDENTIAL_TYPE, readXapi } from '../../shared/transport/request';

/** A collection the trigger reads: its path under /xapi/v1 and, when not all updates have it, which do. */
export interface XapiSource {
	path: string;
	versions?: string;
	/**
	 * The path as sent when it differs from `path` (a function's arguments filled in); `path` stays
	 * the spec's template, which errors and the spec test name.
	 */
	request?: string;
	/**
	 * Live PBXs take any $top here (CallHistoryView, the call log); elsewhere they refuse more than
	 * ENTITY_TOP_LIMIT.
	 */
	largeTop?: true;
	/** Live PBXs ignore $orderby here and always answer oldest first (CallHistoryView). */
	oldestFirstOnly?: true;
	/** Updates before `versions` have the path too, but the trigger does not read it there. */
	notReadBefore?: true;
}

/** OData query options; undefined ones are left out. */
export interface ListQuery {
	$filter?: string;
	$orderby?: string;
	$top?: number;
	$skip?: number;
	$count?: boolean;
	$select?: string;
}

/** What live PBXs accept as $top on entity collections; a PBX that says less is believed. */
export const ENTITY_TOP_LIMIT = 100;

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * Lists XAPI collections for one poll through the shared transport (one token, retries,
 * readable errors). The credential is read once per poll.
 */
export class XapiReader {
	private connection?: XapiConnection;

	constructor(readonly context: IPollFunctions) {}

	private async connect(): Promise<XapiConnection> {
		this.connection ??= xapiConnection(await this.context.getCredentials(CREDENTIAL_TYPE));
		return this.connection;
	}

	/**
	 * One page. A $top above what the source takes is lowered (to what the PBX said, else what live
	 * PBXs accept), so a page may hold fewer rows than asked for; callers page on until a page is
	 * empty. When the PBX refuses a $top and names a lower limit, the page is asked for again with it.
	 */
	async list(source: XapiSource, query: ListQuery = {}): Promise<IDataObject[]> {
		const { baseURL } = await this.connect();
		if (query.$top === undefined) return await this.listPage(source, query);
		const top = Math.min(query.$top, source.largeTop ? Infinity : ENTITY_TOP_LIMIT);
		const scope: TopLimitScope = { baseURL, path: source.path };
		const { result } = await sendWithinTopLimit(scope, top, async ($top) => await this.listPage(source, { ...query, $top }));
		return result;
	}

	/** The rows and, when asked for with $count, @odata.count. */
	async listWithCount(source: XapiSource, query: ListQuery): Promise<{ rows: IDataObject[]; count?: number }> {
		const body = await this.get(source, { ...query, $count: true });
		const count = body['@odata.count'];
		return { rows: this.rowsOf(source, body), count: typeof count === 'number' ? count : undefined };
	}

	/** One entity or singleton, e.g. SystemStatus. */
	async entity(source: XapiSource, query: ListQuery = {}): Promise<IDataObject> {
		return await this.get(source, query);
	}

	private async listPage(source: XapiSource, query: ListQuery): Promise<IDataObject[]> {
		return this.rowsOf(source, await this.get(source, query));
	}

	private rowsOf(source: XapiSource, body: IDataObject): IDataObject[] {
		if (!Array.isArray(body.value)) throw this.fail(`3CX answered ${source.path} without a list of records`);
		return body.value as IDataObject[];
	}

	private async get(source: XapiSource, query: ListQuery): Promise<IDataObject> {
		const connection = await this.connect();
		const qs: IDataObject = {};
		for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') qs[name] = value;
		const { path, versions, request } = source;
		const body = (await readXapi(this.context, connection, { path, versions, request, qs })) as IDataObject | undefined;
		if (body === null || typeof body !== 'object') throw this.fail(`3CX answered ${source.path} without a JSON object`);
		return body;
	}

	fail(message: string): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), message);
	}
}
