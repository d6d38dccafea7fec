import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { resources } from '../generated';
import type { Endpoint } from '../odata/endpoint';

/** Every operation of every 3CX update, by the node's operation value. */
export const endpoints: Readonly<Record<string, Endpoint>> = Object.assign({}, ...resources.map((r) => r.endpoints));

export function currentEndpoint(context: IExecuteSingleFunctions): { operation: string; endpoint: Endpoint } {
	const operation = context.getNodeParameter('operation') as string;
	const endpoint = endpoints[operation];
	if (!endpoint) throw new NodeOperationError(context.getNode(), `Unknown operation "${operation}"`);
	return { operation, endpoint };
}
