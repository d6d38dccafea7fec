import type { INodeProperties } from 'n8n-workflow';
import { resources, shared } from './generated';
import { buildRequest } from './operation/buildRequest';

/**
 * The resource selector carries the routing every operation shares: buildRequest (preSend) makes
 * the request from the endpoint table, and `paginate` hands it to runOperation (see ThreeCx.node.ts).
 */
const resource: INodeProperties = {
	...shared.resource,
	routing: { send: { preSend: [buildRequest], paginate: true } },
};

/** In the order the editor shows them: what to do, which entity, how many, what to send, options. */
export const properties: INodeProperties[] = [
	resource,
	...resources.map((r) => r.operation),
	...shared.parameters,
	...resources.flatMap((r) => r.parameters),
	...shared.paging,
	shared.binaryProperty,
	...shared.bodies,
	...resources.flatMap((r) => r.bodies),
	...shared.options,
];
