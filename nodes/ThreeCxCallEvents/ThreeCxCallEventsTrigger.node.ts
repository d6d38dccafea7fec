import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { settle } from '../shared/helpers/settle';
import { asNodeApiError } from '../shared/transport/errors';
import { CREDENTIAL_TYPE } from '../shared/transport/request';
import { CALL_EVENTS, type CallEventName } from './calls';
import { properties } from './description';
import { CallControlSession } from './session';
import { hasBuiltInWebSocket, NoWebSocketError } from './socket';
import { CallEventStream } from './stream';

function dnList(value: unknown): Set<string> | undefined {
	const dns = String(value ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean);
	return dns.length ? new Set(dns) : undefined;
}

export class ThreeCxCallEventsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX Call Events Trigger',
		name: 'threeCxCallEventsTrigger',
		icon: { light: 'file:../../icons/3cx.svg', dark: 'file:../../icons/3cx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow the moment a call rings, is answered or ends on a 3CX V20 phone system (Call Control API)',
		documentationUrl: 'https://github.com/n8n-nodes-3cx/n8n-nodes-3cx#live-calls-3cx-call-control',
		defaults: { name: '3CX Call Events Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	/**
	 * Listens on 3CX's Call Control WebSocket while the workflow is active (or until the editor's
	 * test event arrives): one execution per call event.
	 */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const events = new Set((this.getNodeParameter('events', []) as string[]).filter((e): e is CallEventName => (CALL_EVENTS as readonly string[]).includes(e)));
		if (events.size === 0) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event');
		if (!hasBuiltInWebSocket()) throw new NodeOperationError(this.getNode(), new NoWebSocketError().message);
		const session = new CallControlSession(this, await this.getCredentials(CREDENTIAL_TYPE));
		const stream = new CallEventStream(this, session, { events, dns: dnList(this.getNodeParameter('dns', '')) });
		const started = await settle(stream.start());
		if (!started.ok) {
			await stream.close();
			throw asNodeApiError(this.getNode(), started.error, 0);
		}
		return { closeFunction: async () => await stream.close() };
	}
}
