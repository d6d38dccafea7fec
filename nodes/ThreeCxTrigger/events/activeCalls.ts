import type { IDataObject } from 'n8n-workflow';
import { newestRow, type KeysetQuery } from '../cursor/keyset';
import { currentRows } from '../cursor/snapshot';
import type { TriggerEvent } from './types';

const ACTIVE_CALLS: KeysetQuery = { source: { path: '/ActiveCalls' }, key: 'Id' };

/** Both events compare the active calls with the previous poll's; a test fetch shows the newest one. */
function activeCallEvent(option: TriggerEvent['option'], poll: TriggerEvent['poll']): TriggerEvent {
	return {
		option,
		reads: [{ source: ACTIVE_CALLS.source, fields: [ACTIVE_CALLS.key] }],
		async sample(reader) {
			return await newestRow(reader, ACTIVE_CALLS);
		},
		poll,
	};
}

export const activeCallStarted = activeCallEvent(
	{
		name: 'Active Call Started',
		value: 'activeCallStarted',
		description: 'A call appeared among the active calls. A call shorter than the poll interval is not seen: New Call Record gets every call.',
	},
	async (reader, state) => {
		const calls = await currentRows(reader, ACTIVE_CALLS);
		const known = state.ready === true ? new Set(state.callIds as number[]) : undefined;
		state.callIds = calls.map((call) => call.Id as number);
		state.ready = true;
		return known ? calls.filter((call) => !known.has(call.Id as number)) : [];
	},
);

// No call has ended yet in a test fetch: the newest active call shows the shape.
export const activeCallEnded = activeCallEvent(
	{
		name: 'Active Call Ended',
		value: 'activeCallEnded',
		description: 'A call left the active calls; emits the call as last seen. A call shorter than the poll interval is not seen: New Call Record gets every call.',
	},
	async (reader, state) => {
		const calls = await currentRows(reader, ACTIVE_CALLS);
		const previous = state.ready === true ? (state.calls as IDataObject[]) : [];
		const current = new Set(calls.map((call) => call.Id));
		state.calls = calls;
		state.ready = true;
		return previous.filter((call) => !current.has(call.Id));
	},
);
