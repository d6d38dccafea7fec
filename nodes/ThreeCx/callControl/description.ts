import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The Call Control resource: live calls through 3CX's Call Control API, not XAPI. Hand-written
 * (the generator reads XAPI's specs, and /callcontrol has none). Parameter names start with
 * `callControl` so that they stay unique across the node.
 */
export const CALL_CONTROL_RESOURCE = 'callControl';

export const callControlResourceOption: INodePropertyOptions = {
	name: 'Call Control',
	value: CALL_CONTROL_RESOURCE,
	description: 'Live calls of monitored extensions and route points (3CX Call Control API, Enterprise licence)',
};

const show = (...operation: string[]) => ({ show: { resource: [CALL_CONTROL_RESOURCE], operation } });

const PARTICIPANT_ACTIONS = ['callControlAnswer', 'callControlDrop', 'callControlDivert', 'callControlRouteTo', 'callControlTransferTo'];
const TO_DESTINATION = ['callControlMakeCall', 'callControlDivert', 'callControlRouteTo', 'callControlTransferTo'];

const DIVERT_REASONS = ['BasedOnCallerID', 'BasedOnDID', 'BreakTime', 'ForwardAll', 'Holiday', 'NoAnswer', 'NoDestinations', 'None', 'OfficeHours', 'OutOfOfficeHours', 'PhoneBusy', 'PhoneNotRegistered'];

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [CALL_CONTROL_RESOURCE] } },
	options: [
		{ name: 'Answer', value: 'callControlAnswer', action: 'Answer a ringing call', description: 'Answer a ringing participant on its device' },
		{ name: 'Divert', value: 'callControlDivert', action: 'Divert a ringing call', description: 'Send a ringing call elsewhere instead of the DN' },
		{ name: 'Drop', value: 'callControlDrop', action: 'Drop a call', description: 'Hang up a participant' },
		{ name: 'Get Monitored DNs', value: 'callControlGetDns', action: 'Get call control extensions and route points', description: 'The extensions and route points this API client watches, with devices and calls' },
		{ name: 'Get Participant', value: 'callControlGetParticipant', action: 'Get a call participant', description: 'One participant of a DN as it is now' },
		{ name: 'Get Participants', value: 'callControlGetParticipants', action: 'Get the calls of an extension or route point', description: 'The current calls of a DN, one item each' },
		{ name: 'Make Call', value: 'callControlMakeCall', action: 'Make a call', description: 'Call a number from an extension or route point' },
		{ name: 'Route To', value: 'callControlRouteTo', action: 'Route a call to a destination', description: 'Add a route for the call to a destination' },
		{ name: 'Transfer To', value: 'callControlTransferTo', action: 'Transfer a connected call', description: 'Hand a connected call over to a destination' },
	],
	default: 'callControlMakeCall',
};

const parameters: INodeProperties[] = [
	{
		displayName: 'DN',
		name: 'callControlDn',
		type: 'string',
		default: '',
		required: true,
		placeholder: '100',
		description: 'Number of the extension or route point, as added to the API client in 3CX Admin › Integrations › API',
		displayOptions: show('callControlMakeCall', 'callControlGetParticipants', 'callControlGetParticipant', ...PARTICIPANT_ACTIONS),
	},
	{
		displayName: 'Participant ID',
		name: 'callControlParticipantId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The participant’s ID, e.g. from the 3CX Call Events Trigger (participantId) or Get Participants (ID)',
		displayOptions: show('callControlGetParticipant', ...PARTICIPANT_ACTIONS),
	},
	{
		displayName: 'Destination',
		name: 'callControlDestination',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+4930123456 or 101',
		description: 'The number to call or hand the call to: an extension, queue, route point or outside number',
		displayOptions: show(...TO_DESTINATION),
	},
	{
		displayName: 'Make Call Options',
		name: 'callControlMakeCallOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('callControlMakeCall'),
		options: [
			{
				displayName: 'Device ID',
				name: 'deviceId',
				type: 'string',
				default: '',
				placeholder: 'sip:100@192.0.2.10:5060;rinstance=…',
				description: 'Which of the DN’s phones places the call (Get Monitored DNs lists them). Empty: 3CX picks.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How long the destination may ring. 0: 3CX’s default.',
			},
		],
	},
	{
		displayName: 'Divert Options',
		name: 'callControlDivertOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('callControlDivert'),
		options: [
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'options',
				default: 'None',
				description: 'The divert reason 3CX records',
				// 3CX's DivertReason names, in words: BasedOnCallerID → Based On Caller ID.
				options: DIVERT_REASONS.map((value) => ({ name: value.replace(/([a-z])([A-Z])/g, '$1 $2'), value })),
			},
		],
	},
];

/** In the node's property groups: the operation selector, then the fields. */
export const callControl = { operation, parameters };
