import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { cursorState } from './cursor/state';
import { properties } from './description';
import { eventNamed } from './events';
import { XapiReader } from './transport/reader';

export class ThreeCxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX Trigger',
		name: 'threeCxTrigger',
		icon: { light: 'file:../../icons/3cx.svg', dark: 'file:../../icons/3cx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		// n8n's node creator merges "3CX" and "3CX Trigger" into one entry and shows this description
		// for it, so it speaks for both nodes.
		description: 'Manage a 3CX V20 phone system and start workflows on its calls, chats, recordings and status changes',
		documentationUrl: 'https://www.3cx.com/docs/configuration-rest-api/',
		defaults: { name: '3CX Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'threeCxApi', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const value = this.getNodeParameter('event') as string;
		const event = eventNamed(value);
		if (!event) throw new NodeOperationError(this.getNode(), `Event: "${value}" is not an event of this node`);
		const reader = new XapiReader(this);
		// A test fetch only reads: moving the cursor there could skip records the active workflow
		// has not emitted yet.
		const records = this.getMode() === 'manual' ? await event.sample(reader) : await event.poll(reader, cursorState(this, value));
		return records.length > 0 ? [this.helpers.returnJsonArray(records)] : null;
	}
}
