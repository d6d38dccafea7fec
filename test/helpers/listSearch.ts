import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INodeListSearchResult, type INodeParameters, type INodeType, type INodeTypes } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import type { TestCredentialsHelper } from './credentials';
import { testAdditionalData } from './workflow';

const NODE_TYPE = 'n8n-nodes-3cx.threeCx';

export interface ListSearchCall {
	method: string;
	filter?: string;
	paginationToken?: string;
	/** The parameters the editor has for the node when it asks; n8n sends them along. */
	currentNodeParameters?: INodeParameters;
	/** The locator parameter's path, as the editor sends it. */
	path?: string;
	credentialsHelper: TestCredentialsHelper;
}

/**
 * Calls a listSearch method the way n8n's REST endpoint /rest/dynamic-node-parameters/resource-locator-results
 * does (DynamicNodeParametersService): a one-node workflow "Temp-Node" with the editor's parameters
 * and credential, and n8n-core's LoadOptionsContext as `this`.
 */
export async function callListSearch(call: ListSearchCall): Promise<INodeListSearchResult> {
	const nodeType: INodeType = new ThreeCx();
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const currentNodeParameters = call.currentNodeParameters ?? { resource: 'users', operation: 'getUser' };
	const workflow = new Workflow({
		nodes: [
			{
				parameters: currentNodeParameters,
				id: 'uuid-1234',
				name: 'Temp-Node',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				credentials: { threeCxApi: { id: '1', name: '3CX' } },
			},
		],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = { ...testAdditionalData(call.credentialsHelper), currentNodeParameters };
	const context = new LoadOptionsContext(workflow, workflow.getNode('Temp-Node')!, additionalData, call.path ?? 'parameters.userId');
	const method = nodeType.methods?.listSearch?.[call.method];
	if (!method) throw new Error(`The node has no listSearch method ${call.method}`);
	return await method.call(context, call.filter, call.paginationToken);
}
