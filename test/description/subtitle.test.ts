// The canvas subtitle as n8n's editor computes it: the node type's `subtitle` evaluated with
// workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {}) on the node's parameters.
import { Workflow, type INode, type INodePropertyOptions, type INodeTypes } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

const nodeType = new ThreeCx();
const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
const { subtitle, properties } = nodeType.description;

/** What the canvas shows under a 3CX node with this resource and operation. */
function canvasSubtitle(resource: string, operation: string): unknown {
	const node: INode = { id: '1', name: '3CX', type: 'n8n-nodes-3cx.threeCx', typeVersion: 1, position: [0, 0], parameters: { resource, operation } };
	const workflow = new Workflow({ id: 'w', name: 'w', active: false, nodeTypes, nodes: [node], connections: {} });
	return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {}, undefined, 'PLACEHOLDER');
}

test.each([
	['users', 'listUser', 'Get many users'],
	['users', 'updateUser', 'Update user'],
	['chatHistoryView', 'downloadChatHistory', 'Download chat history'],
	['sipDevices', 'listSipDevice', 'Get many SIP devices'],
	['callFlowApps', 'updateCallFlowApp', 'Update call flow app'],
	['aiSettings', 'deleteOpenAiFile', 'Delete open AI file for AI settings'],
	['contacts', 'crmContactsBulkDelete', 'CRM Contacts bulk delete'],
	['callControl', 'callControlMakeCall', 'Make a call'],
])('%s › %s shows "%s"', (resource, operation, shown) => {
	expect(canvasSubtitle(resource, operation)).toBe(shown);
});

test('every operation (627 of XAPI, and Call Control’s) shows its action label, as the node creator lists it', () => {
	const operations = properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => ({ resource: p.displayOptions!.show!.resource![0] as string, operation: o.value as string, action: o.action })));
	expect(operations.filter((o) => o.resource !== 'callControl')).toHaveLength(627);
	expect(operations.filter((o) => o.resource === 'callControl').length).toBeGreaterThan(0);
	const wrong = operations.filter((o) => canvasSubtitle(o.resource, o.operation) !== o.action);
	expect(wrong).toEqual([]);
});

test('the expression is small next to the description budget', () => {
	expect(Buffer.byteLength(subtitle!)).toBeLessThan(6_000);
});
