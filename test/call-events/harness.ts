import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, TriggerContext, TriggersAndPollers } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type ITriggerResponse,
	type IVersionedNodeType,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { ThreeCxCallEventsTrigger } from '../../nodes/ThreeCxCallEvents/ThreeCxCallEventsTrigger.node';
import type { FakePbx } from '../fake-pbx';
import { TestCredentialsHelper } from '../helpers/credentials';
import { testAdditionalData } from '../helpers/workflow';

export const NODE = '3CX Call Events Trigger';

class CallEventsNodeTypes implements INodeTypes {
	private readonly node = new ThreeCxCallEventsTrigger();

	getByName(): INodeType | IVersionedNodeType {
		return this.node;
	}

	getByNameAndVersion(): INodeType {
		return this.node;
	}

	getKnownTypes() {
		return {};
	}
}

export function credentialsFor(pbx: FakePbx, extra: IDataObject = {}): TestCredentialsHelper {
	return new TestCredentialsHelper({ url: pbx.url, clientId: 'demo', apiKey: 'demo-secret', ignoreSslIssues: false, ...extra });
}

/**
 * A workflow with the 3CX Call Events Trigger, activated as n8n activates it: n8n-core's
 * TriggersAndPollers runs the node's trigger() in a TriggerContext, and every `emit` (one
 * execution in n8n) lands in `emitted`; `emitError` (n8n deactivates and retries) in `errors`.
 */
export class ActiveCallEvents {
	readonly emitted: IDataObject[] = [];
	readonly errors: Error[] = [];
	response?: ITriggerResponse;
	private waiters: Array<() => void> = [];

	constructor(
		readonly parameters: INodeParameters,
		readonly credentials: TestCredentialsHelper,
	) {}

	async activate(mode: WorkflowExecuteMode = 'trigger'): Promise<ITriggerResponse | undefined> {
		const workflow = new Workflow({
			id: 'call-events-test',
			name: 'call events test',
			active: true,
			nodeTypes: new CallEventsNodeTypes(),
			nodes: [
				{
					id: 'trigger',
					name: NODE,
					type: 'n8n-nodes-3cx.threeCxCallEventsTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: this.parameters,
					credentials: { threeCxApi: { id: '1', name: '3CX' } },
				},
			],
			connections: {},
		});
		const node = workflow.getNode(NODE)!;
		const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflow as never);
		const additionalData = testAdditionalData(this.credentials, hooks);
		this.response = await Container.get(TriggersAndPollers).runTriggerFunction(
			workflow,
			node,
			(wf, n, data, m, activation) =>
				new TriggerContext(
					wf,
					n,
					data,
					m,
					activation,
					(emitted) => {
						this.emitted.push(...emitted[0].map((item) => item.json));
						this.notify();
					},
					(error) => {
						this.errors.push(error);
						this.notify();
					},
				),
			additionalData,
			mode,
			'activate',
		);
		return this.response;
	}

	async deactivate(): Promise<void> {
		await this.response?.closeFunction?.();
	}

	/** Resolves once `count` events were emitted (or an error), or fails after `ms`. */
	async waitFor(count: number, ms = 10_000): Promise<IDataObject[]> {
		const deadline = Date.now() + ms;
		while (this.emitted.length < count && this.errors.length === 0) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`waited ${ms} ms for ${count} events, got ${this.emitted.length}: ${JSON.stringify(this.emitted.map((e) => `${e.event} ${e.dn}`))}`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		if (this.errors.length) throw this.errors[0];
		return this.emitted.slice(0, count);
	}

	private notify(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}
}

/** What a test reads of an event: its name, DN and how it ended up there. */
export const brief = (event: IDataObject) => `${String(event.event)} ${String(event.dn)}${event.caughtUp ? ' (caught up)' : ''}`;

/** Resolves once `predicate` holds, polling; for fake-PBX state a test waits on. */
export async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
