import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, PollTriggerExecutor, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type WorkflowActivateMode,
} from 'n8n-workflow';
import { ThreeCxTrigger } from '../../nodes/ThreeCxTrigger/ThreeCxTrigger.node';
import { startFakePbx, type FakePbx, type FakePbxOptions } from '../fake-pbx';
import { TestCredentialsHelper } from '../helpers/credentials';
import { testAdditionalData } from '../helpers/workflow';

export const TRIGGER = '3CX Trigger';

class TriggerNodeTypes implements INodeTypes {
	private readonly trigger = new ThreeCxTrigger();

	getByName(): INodeType | IVersionedNodeType {
		return this.trigger;
	}

	getByNameAndVersion(): INodeType {
		return this.trigger;
	}

	getKnownTypes() {
		return {};
	}
}

export async function startPbx(options: FakePbxOptions = {}): Promise<FakePbx> {
	return await startFakePbx({ port: 0, clientId: 'demo', clientSecret: 'demo-secret', callHistoryRows: 500, ...options });
}

export function credentialsFor(pbx: FakePbx): TestCredentialsHelper {
	return new TestCredentialsHelper({ url: pbx.url, clientId: 'demo', apiKey: 'demo-secret', ignoreSslIssues: false });
}

function triggerWorkflow(parameters: INodeParameters, staticData: IDataObject): Workflow {
	return new Workflow({
		id: 'trigger-test',
		name: 'trigger test',
		active: true,
		nodeTypes: new TriggerNodeTypes(),
		staticData,
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-3cx.threeCxTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials: { threeCxApi: { id: '1', name: '3CX' } },
			},
		],
		connections: {},
	});
}

/** Static data as n8n stores it between polls: JSON in the database. */
const stored = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

/**
 * A workflow whose 3CX Trigger is active, polled as n8n polls it: n8n-core's PollTriggerExecutor
 * runs the node's poll in a PollContext and hands what it returns to `__emit`. Each poll loads the
 * workflow afresh from the static data the previous poll left (as JSON, like n8n's database).
 */
export class ActiveTrigger {
	staticData: IDataObject = {};
	private activated = false;

	constructor(
		readonly parameters: INodeParameters,
		readonly credentials: TestCredentialsHelper,
		private readonly activation: WorkflowActivateMode = 'activate',
	) {}

	/**
	 * One poll: the activation poll first (its errors fail the activation), then timed polls (n8n
	 * records their errors as failed executions; here they are thrown). Returns what was emitted.
	 */
	async poll(): Promise<IDataObject[]> {
		const workflow = triggerWorkflow(this.parameters, stored(this.staticData));
		const node = workflow.getNode(TRIGGER)!;
		let emitted: INodeExecutionData[][] | undefined;
		let failure: Error | undefined;
		const context = new PollContext(
			workflow,
			node,
			testAdditionalData(this.credentials),
			'trigger',
			this.activation,
			(data) => (emitted = data),
			(error) => (failure = error),
		);
		const execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => true);
		await execute(!this.activated);
		this.activated = true;
		if (failure) throw failure;
		this.staticData = stored(workflow.staticData);
		return (emitted?.[0] ?? []).map((item) => item.json);
	}

	/** What the node keeps between polls. */
	get cursor(): IDataObject {
		return (this.staticData[`node:${TRIGGER}`] ?? {}) as IDataObject;
	}
}

/**
 * "Fetch test event": the editor runs the trigger on its own in manual mode through n8n-core's
 * WorkflowExecute. Returns its items and the static data it leaves.
 */
export async function fetchTestEvent(
	parameters: INodeParameters,
	credentials: TestCredentialsHelper,
	staticData: IDataObject = {},
): Promise<{ items: IDataObject[]; staticData: IDataObject; error?: Error }> {
	const workflow = triggerWorkflow(parameters, stored(staticData));
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflow as never);
	const run = await new WorkflowExecute(testAdditionalData(credentials, hooks), 'manual').run({ workflow, startNode: workflow.getNode(TRIGGER)! });
	const nodeRun = run.data.resultData.runData[TRIGGER]?.[0];
	return {
		items: (nodeRun?.data?.main?.[0] ?? []).map((item) => item.json),
		staticData: stored(workflow.staticData),
		error: (run.data.resultData.error ?? nodeRun?.error) as Error | undefined,
	};
}
