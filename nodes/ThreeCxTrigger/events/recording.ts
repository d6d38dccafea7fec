import { anyFieldEquals, numbersParameter } from '../filters';
import { appendOnlyEvent } from './appendOnly';

export const recording = appendOnlyEvent({
	option: {
		name: 'New Recording',
		value: 'recording',
		description: 'A call recording was saved. Needs the System Owner role.',
	},
	source: { path: '/Recordings' },
	key: 'Id',
	filter: (context) =>
		anyFieldEquals(['FromDn', 'ToDn', 'FromCallerNumber', 'ToCallerNumber'], numbersParameter(context, 'numbers', 'Extensions or Numbers')),
});
