import { anyFieldEquals, numbersParameter } from '../filters';
import { appendOnlyEvent } from './appendOnly';

export const callRecord = appendOnlyEvent({
	option: {
		name: 'New Call Record',
		value: 'callRecord',
		description: 'A call (one row per call segment) was written to the call history. Needs the System Owner role.',
	},
	source: { path: '/CallHistoryView' },
	key: 'SegmentId',
	stamp: 'LastCdrStartedAt',
	filter: (context) =>
		anyFieldEquals(['SrcDn', 'DstDn', 'SrcCallerNumber', 'DstCallerNumber'], numbersParameter(context, 'numbers', 'Extensions or Numbers')),
});
