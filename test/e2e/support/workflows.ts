// Builders for the workflow JSON that `n8n import:workflow` takes: a Manual Trigger, optional
// fixed input items, the packaged 3CX node and any further nodes, connected in a line.

/** A node as n8n stores it in a workflow. */
export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	id?: string;
	position?: [number, number];
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	[key: string]: unknown;
}

export interface E2eWorkflow {
	id: string;
	name: string;
	active: false;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
	[key: string]: unknown;
}

/** The credential every e2e workflow uses; startE2eEnvironment imports it with the fake PBX's URL. */
export const E2E_CREDENTIAL = { id: 'e2eThreeCxCred01', name: '3CX (fake PBX)' };

export const THREE_CX_NODE_TYPE = 'n8n-nodes-3cx.threeCx';

export function manualTrigger(name = 'Start'): WorkflowNode {
	return { name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}

/**
 * Nodes that emit `items` (one n8n item per object): Set (raw JSON) → Split Out. No Code node:
 * it would need n8n's task runner, which adds start-up time and a moving part.
 */
export function fixedItems(items: Array<Record<string, unknown>>, name = 'Items'): WorkflowNode[] {
	return [
		{
			name: `${name} (JSON)`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} },
		},
		{
			name,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
		},
	];
}

export interface ThreeCxNodeOptions {
	name?: string;
	/** n8n's "On Error: Continue" (Settings → Continue On Fail in older versions). */
	continueOnFail?: boolean;
	credential?: { id: string; name: string };
}

/** The packaged 3CX node with `parameters` (resource, operation, fields …) as the editor saves them. */
export function threeCxNode(parameters: Record<string, unknown>, options: ThreeCxNodeOptions = {}): WorkflowNode {
	return {
		name: options.name ?? '3CX',
		type: THREE_CX_NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { threeCxApi: options.credential ?? E2E_CREDENTIAL },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

/** A workflow whose nodes run one after the other (each node's main output feeds the next). */
export function linearWorkflow(id: string, nodes: Array<WorkflowNode | WorkflowNode[]>, name = `e2e ${id}`): E2eWorkflow {
	const flat = nodes.flat();
	const connections: E2eWorkflow['connections'] = {};
	for (let i = 0; i < flat.length - 1; i++) {
		connections[flat[i].name] = { main: [[{ node: flat[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: flat.map((node, i) => ({
			id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			position: [i * 220, 0] as [number, number],
			...node,
		})),
	};
}

/** Start → (fixed items) → 3CX → (further nodes): the shape of most e2e workflows. */
export function threeCxWorkflow(
	id: string,
	parameters: Record<string, unknown>,
	options: ThreeCxNodeOptions & { items?: Array<Record<string, unknown>>; then?: WorkflowNode[] } = {},
): E2eWorkflow {
	const { items, then = [], ...nodeOptions } = options;
	return linearWorkflow(id, [manualTrigger(), items ? fixedItems(items) : [], threeCxNode(parameters, nodeOptions), then]);
}
