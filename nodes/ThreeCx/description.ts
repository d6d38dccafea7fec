import type { INodeProperties } from 'n8n-workflow';
import { callControl, callControlResourceOption } from './callControl/description';
import { prepareRequest } from './callControl/dispatch';
import { resources, shared } from './generated';

/**
 * The resource selector carries the routing every operation shares: buildRequest (preSend) makes
 * the request from the endpoint table, and `paginate` hands it to runOperation (see ThreeCx.node.ts).
 * Call Control, hand-written beside the generated XAPI resources, takes its own path there.
 */
const resource: INodeProperties = {
	...shared.resource,
	options: [...(shared.resource.options ?? []), callControlResourceOption].sort((a, b) => a.name.localeCompare(b.name, 'en')),
	routing: { send: { preSend: [prepareRequest], paginate: true } },
};

/** In the order the editor shows them: what to do, which entity, how many, what to send, options. */
export const properties: INodeProperties[] = [
	resource,
	...resources.map((r) => r.operation),
	callControl.operation,
	...shared.parameters,
	...callControl.parameters,
	...resources.flatMap((r) => r.parameters),
	...shared.paging,
	shared.binaryProperty,
	...shared.bodies,
	...resources.flatMap((r) => r.bodies),
	...shared.options,
];
