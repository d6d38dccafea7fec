import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { needsSystemOwner } from '../../nodes/shared/transport/messages';

const paths = [...new Set(Object.values(endpoints).map((e) => e.path))];

test('every call history, recording and chat operation asks for the System Owner role on a 403', () => {
	const history = paths.filter((p) => /^\/(CallHistoryView|ChatHistoryView|ChatMessagesHistoryView|Recordings|ReportChatLog)\b/.test(p));
	expect(history.length).toBeGreaterThan(10);
	expect(history.filter((p) => !needsSystemOwner(p))).toEqual([]);
});

test.each(['/Users/Pbx.GetCallLog(dn={dn},requestId={requestId})', '/RemoteArchivingSettings/Pbx.ArchiveRecordings', '/PurgeChats', '/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom})'])(
	'%s reads or removes history: System Owner',
	(path) => expect(needsSystemOwner(path)).toBe(true),
);

test.each(['/Users({Id})', '/Queues', '/ChatLogSettings', '/RemoteArchivingSettings', '/CustomPrompts/Pbx.MakeCallRecordCustomPrompt', '/SystemStatus/Pbx.SetChatLogStatus'])(
	'%s is not history: the generic role message',
	(path) => expect(needsSystemOwner(path)).toBe(false),
);
