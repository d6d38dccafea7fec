import type { INodeProperties } from 'n8n-workflow';
import { STAMPS } from './cursor/changeStamp';
import { EVENTS } from './events';
import type { TriggerEvent } from './events/types';

const CHANGE_CHECK = ' On 3CX 20.0.7 and later a cheap check skips polls in which nothing was written.';

/** Events that read the change stamp skip unchanged polls: their option says so. */
const readsStamp = (event: TriggerEvent) => event.reads.some(({ source }) => source === STAMPS);

export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'callRecord',
		options: EVENTS.map((event) => (readsStamp(event) ? { ...event.option, description: `${event.option.description}${CHANGE_CHECK}` } : event.option)),
	},
	{
		displayName: 'Extensions or Numbers',
		name: 'numbers',
		type: 'string',
		default: '',
		placeholder: '100, 101, +4930123456',
		description: 'Only records in which one of these extensions or phone numbers (comma-separated) is the caller or the callee. Empty: all.',
		displayOptions: { show: { event: ['callRecord', 'recording'] } },
	},
	{
		displayName: 'Extensions',
		name: 'numbers',
		type: 'string',
		default: '',
		placeholder: '100, 101',
		description: 'Only these users (extension numbers, comma-separated). Empty: all users.',
		displayOptions: { show: { event: ['userStatusChanged'] } },
	},
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'multiOptions',
		default: ['CurrentProfileName'],
		description: 'Which changes start the workflow',
		options: [
			{ name: 'Phone Registration', value: 'IsRegistered', description: 'A phone of the user registered or unregistered' },
			{ name: 'Queue Status', value: 'QueueStatus', description: 'The user logged in to or out of the queues' },
			{ name: 'Status Profile', value: 'CurrentProfileName', description: 'Available, Away, Do Not Disturb, Lunch, Business Trip or a custom status' },
		],
		displayOptions: { show: { event: ['userStatusChanged'] } },
	},
	{
		displayName: 'Severities',
		name: 'severities',
		type: 'multiOptions',
		default: [],
		description: 'Only entries of these types. Empty: all.',
		options: [
			{ name: 'Error', value: 'Error' },
			{ name: 'Info', value: 'Info' },
			{ name: 'Warning', value: 'Warning' },
		],
		displayOptions: { show: { event: ['eventLog'] } },
	},
];
