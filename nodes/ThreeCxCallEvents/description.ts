import type { INodeProperties } from 'n8n-workflow';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Needs 3CX V20 Update 4 or later with an Enterprise licence, and an API client with "3CX Call Control API Access" ticked and the extensions and route points to watch added to it (3CX Admin › Integrations › API)',
		name: 'callControlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: ['ringing', 'dialing', 'answered', 'ended'],
		description: 'Which call events start the workflow. Each event is one execution with one item.',
		options: [
			{ name: 'Answered', value: 'answered', description: 'The call was connected at the DN' },
			{ name: 'Dialing', value: 'dialing', description: 'The DN calls out (an outbound call starts)' },
			{ name: 'DTMF', value: 'dtmf', description: 'The caller keyed in digits (at a route point)' },
			{ name: 'Ended', value: 'ended', description: 'The DN’s part of the call ended: hung up, transferred or diverted away' },
			{ name: 'Participant Changed', value: 'updated', description: 'Anything else about the participant changed, e.g. the other party after a transfer' },
			{ name: 'Ringing', value: 'ringing', description: 'A call rings at the DN (an inbound call starts)' },
		],
	},
	{
		displayName: 'Extensions or Route Points',
		name: 'dns',
		type: 'string',
		default: '',
		placeholder: '100, 101, 8000',
		description: 'DNs to watch, separated by commas. Empty: every DN the API client monitors.',
	},
];
