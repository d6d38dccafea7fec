import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import type { CursorState } from '../cursor/state';
import type { XapiReader, XapiSource } from '../transport/reader';

/** A collection an event reads, with the fields its queries name (a test checks them against 3CX's specs). */
export interface CollectionRead {
	source: XapiSource;
	fields: string[];
}

/** One option of the trigger's Event parameter and how it is polled. */
export interface TriggerEvent {
	option: INodePropertyOptions & { value: string };
	reads: CollectionRead[];
	/** The newest record, shaped as `poll` emits it, for "fetch test event". Leaves the state alone. */
	sample(reader: XapiReader): Promise<IDataObject[]>;
	/** Records that are new since the state, oldest first. The first poll only notes where things stand. */
	poll(reader: XapiReader, state: CursorState): Promise<IDataObject[]>;
}
