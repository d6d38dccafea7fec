import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * What the trigger remembers between polls: the workflow's static data for this node, changed in
 * place. n8n stores it with the execution a poll starts (or on its own when a poll finds nothing),
 * so a cursor only moves past records that were handed to a workflow run.
 */
export type CursorState = IDataObject;

/** The node's state for `event`; after the user switched events it starts afresh. */
export function cursorState(context: IPollFunctions, event: string): CursorState {
	const data = context.getWorkflowStaticData('node');
	if (data.event !== event) {
		for (const key of Object.keys(data)) delete data[key];
		data.event = event;
	}
	return data;
}
