import { anyFieldEquals } from '../filters';
import { appendOnlyEvent } from './appendOnly';

/** Pbx.EventLogType. */
export const SEVERITIES = ['Error', 'Warning', 'Info'];

export const eventLog = appendOnlyEvent({
	option: {
		name: 'New Event Log Entry',
		value: 'eventLog',
		description: 'The PBX logged an event (trunk down, blocked IP, service restart…)',
	},
	source: { path: '/EventLogs' },
	key: 'Id',
	filter: (context) => {
		const chosen = (context.getNodeParameter('severities', []) as string[]).filter((type) => SEVERITIES.includes(type));
		// All three is no filter; none is taken to mean the same.
		return chosen.length === SEVERITIES.length ? undefined : anyFieldEquals(['Type'], chosen);
	},
	filterFields: ['Type'],
});
