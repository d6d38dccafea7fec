import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { buildRequest } from '../operation/buildRequest';
import { runOperation } from '../operation/runOperation';
import { CALL_CONTROL_RESOURCE } from './description';
import { runCallControl } from './run';

/** Call Control operations are not XAPI endpoints: they build and send their own requests. */
function isCallControl(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('resource') === CALL_CONTROL_RESOURCE;
}

/** preSend of every operation: XAPI's request builder, or nothing to prepare for Call Control (run sends). */
export async function prepareRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return isCallControl(this) ? requestOptions : await buildRequest.call(this, requestOptions);
}

/** The node's request loop: XAPI's runOperation, or the Call Control request of the item. */
export async function runAnyOperation(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
	return isCallControl(this) ? await runCallControl(this) : await runOperation.call(this, requestData);
}
