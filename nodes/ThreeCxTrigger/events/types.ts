import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import type { CursorState } from '../cursor/state';
import type { XapiReader } from '../transport/reader';

/** One option of the trigger's Event parameter and how it is polled. */
export interface TriggerEvent {
	option: INodePropertyOptions & { value: string };
	/** The newest record, shaped as `poll` emits it, for "fetch test event". Leaves the state alone. */
	sample(reader: XapiReader): Promise<IDataObject[]>;
	/** Records that are new since the state, oldest first. The first poll only notes where things stand. */
	poll(reader: XapiReader, state: CursorState): Promise<IDataObject[]>;
}
