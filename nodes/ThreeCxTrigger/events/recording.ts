import { anyFieldEquals, numbersParameter } from '../filters';
import { appendOnlyEvent } from './appendOnly';

const PARTY_NUMBERS = ['FromDn', 'ToDn', 'FromCallerNumber', 'ToCallerNumber'];

export const recording = appendOnlyEvent({
	option: {
		name: 'New Recording',
		value: 'recording',
		description: 'A call recording was saved. Needs the System Owner role.',
	},
	source: { path: '/Recordings' },
	key: 'Id',
	filter: (context) => anyFieldEquals(PARTY_NUMBERS, numbersParameter(context, 'numbers', 'Extensions or Numbers')),
	filterFields: PARTY_NUMBERS,
});
