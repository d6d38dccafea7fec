import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { resources } from '../generated';
import type { Endpoint } from '../odata/endpoint';
import { keyGivenByNumber } from './pathLiterals';

/** Every operation of every 3CX update, by the node's operation value. */
export const endpoints: Readonly<Record<string, Endpoint>> = Object.assign({}, ...resources.map((r) => r.endpoints));

/**
 * The endpoint the current item uses. An entity read By Number goes to 3CX's alternate-key path;
 * a PBX older than that key (20.0.8) answers 404 there, and the Id path is the fallback, with
 * the number looked up.
 */
export function currentEndpoint(context: IExecuteSingleFunctions): { operation: string; endpoint: Endpoint } {
	const operation = context.getNodeParameter('operation') as string;
	const endpoint = endpoints[operation];
	if (!endpoint) throw new NodeOperationError(context.getNode(), `Unknown operation "${operation}"`);
	if (endpoint.byNumber && keyGivenByNumber(context, endpoint)) {
		return { operation, endpoint: { ...endpoint, path: endpoint.byNumber, legacyPath: endpoint.path } };
	}
	return { operation, endpoint };
}
