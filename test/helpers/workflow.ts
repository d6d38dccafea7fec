import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { TestCredentialsHelper } from './credentials';

/** A start node that emits the items a test gives it, as a trigger or previous node would. */
class TestInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = { 'test.input': new TestInput(), 'n8n-nodes-3cx.threeCx': new ThreeCx() };

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string): INodeType {
		return this.types[name];
	}

	getKnownTypes() {
		return {};
	}
}

export const PBX = 'https://pbx.test:5001';
export const SECRET = 'sk-THE-API-KEY-never-shown';

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	credentialsHelper?: TestCredentialsHelper;
}

export interface RunResult {
	run: IRun;
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string };
	credentialsHelper: TestCredentialsHelper;
}

export function credentialsHelperFor(credentials?: ICredentialDataDecryptedObject): TestCredentialsHelper {
	return new TestCredentialsHelper({ url: PBX, clientId: 'n8n', apiKey: SECRET, ignoreSslIssues: false, ...credentials });
}

/** What an n8n instance hands the engine for one execution, reduced to what node execution uses. */
export function testAdditionalData(credentialsHelper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		logAiEvent: async () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs Input → 3CX on n8n-core's WorkflowExecute, exactly as an n8n instance runs a manual execution. */
export async function runThreeCx(parameters: INodeParameters, options: RunOptions = {}): Promise<RunResult> {
	const credentialsHelper = options.credentialsHelper ?? credentialsHelperFor(options.credentials);
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		active: false,
		nodeTypes: new TestNodeTypes(),
		nodes: [
			{ id: '1', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(options.items ?? [{}]) } },
			{
				id: '2',
				name: '3CX',
				type: 'n8n-nodes-3cx.threeCx',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { threeCxApi: { id: '1', name: '3CX' } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Input: { main: [[{ node: '3CX', type: NodeConnectionTypes.Main, index: 0 }]] } },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflow as never);
	const additionalData = testAdditionalData(credentialsHelper, hooks);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: workflow.getNode('Input')! });
	const nodeRun = run.data.resultData.runData['3CX']?.[0];
	return {
		run,
		items: nodeRun?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? nodeRun?.error) as RunResult['error'],
		credentialsHelper,
	};
}
