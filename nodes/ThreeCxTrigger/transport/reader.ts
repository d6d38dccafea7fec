import type { ICredentialDataDecryptedObject, IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Endpoint } from '../../ThreeCx/odata/endpoint';
import { CREDENTIAL_TYPE, sendXapiRequest } from '../../ThreeCx/transport/request';
import { responseJson } from '../../ThreeCx/transport/response';
import { pbxBaseUrl } from '../../ThreeCx/transport/token';

/** A collection the trigger reads: its path under /xapi/v1 and, when not all updates have it, which do. */
export interface XapiSource {
	path: string;
	versions?: string;
}

/** OData query options; undefined ones are left out. */
export interface ListQuery {
	$filter?: string;
	$orderby?: string;
	$top?: number;
	$select?: string;
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * Lists XAPI collections for one poll through the action node's transport (shared token, retries,
 * readable errors). The credential is read once per poll.
 */
export class XapiReader {
	private credentials?: ICredentialDataDecryptedObject;

	constructor(readonly context: IPollFunctions) {}

	async list(source: XapiSource, query: ListQuery = {}): Promise<IDataObject[]> {
		this.credentials ??= await this.context.getCredentials(CREDENTIAL_TYPE);
		const qs: IDataObject = {};
		for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') qs[name] = value;
		const endpoint: Endpoint = { method: 'GET', path: source.path, response: 'collection', versions: source.versions };
		const response = await sendXapiRequest(this.context, endpoint, {
			method: 'GET',
			url: `${pbxBaseUrl(this.credentials)}/xapi/v1${source.path}`,
			qs,
			headers: { Accept: 'application/json' },
			skipSslCertificateValidation: this.credentials.ignoreSslIssues === true,
		});
		const body = responseJson(response, this.context) as { value?: unknown } | undefined;
		if (!Array.isArray(body?.value)) throw this.fail(`3CX answered ${source.path} without a list of records`);
		return body.value as IDataObject[];
	}

	fail(message: string): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), message);
	}
}
