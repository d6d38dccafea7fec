import { anyFieldEquals, numbersParameter } from '../filters';
import { appendOnlyEvent } from './appendOnly';

const PARTY_NUMBERS = ['SrcDn', 'DstDn', 'SrcCallerNumber', 'DstCallerNumber'];

export const callRecord = appendOnlyEvent({
	option: {
		name: 'New Call Record',
		value: 'callRecord',
		description: 'A call (one row per call segment) was written to the call history. Needs the System Owner role.',
	},
	source: { path: '/CallHistoryView' },
	key: 'SegmentId',
	stamp: 'LastCdrStartedAt',
	filter: (context) => anyFieldEquals(PARTY_NUMBERS, numbersParameter(context, 'numbers', 'Extensions or Numbers')),
	filterFields: PARTY_NUMBERS,
});
