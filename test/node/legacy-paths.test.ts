import nock from 'nock';
import { runThreeCx } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';

/**
 * Functions whose path parameters changed between updates: the node sends the newest form, and a
 * PBX of an older update (404) gets the older form, filled from the inputs only it takes.
 */
beforeEach(resetPbx);
afterAll(() => nock.restore());

const NOT_FOUND = { error: { code: '', message: 'Not Found', details: [] } };
const prop = (operation: string, name: string) => endpoints[operation].params!.find((p) => p.name === name)!.prop;

test('Get Logs on 20.0.4–20.0.5: search quoted, top and skip as numbers, in the older path', async () => {
	const pbx = fakePbx();
	pbx.scope.get(/^\/xapi\/v1\/ActivityLog\/Pbx\.GetLogs\(startDate=[^)]*severity=null\)/).query(true).reply(404, NOT_FOUND);
	pbx.scope.get(/^\/xapi\/v1\/ActivityLog\/Pbx\.GetLogs\(.*,top=25,skip=5\)/).query(true).reply(200, { value: [{ Message: 'a' }, { Message: 'b' }] });
	const { items, error } = await runThreeCx({
		resource: 'activityLog',
		operation: 'getLogs',
		startDate: '2024-05-01T00:00:00Z',
		endDate: '2024-05-02T00:00:00Z',
		[prop('getLogs', 'search')]: "O'Brien lost",
		[prop('getLogs', 'top')]: 25,
		[prop('getLogs', 'skip')]: 5,
		returnAll: false,
		limit: 10,
	});
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.Message)).toEqual(['a', 'b']);
	const [newest, older] = pbx.xapi('').map((r) => decodeURIComponent(r.path.split('?')[0]));
	expect(newest).toBe('/xapi/v1/ActivityLog/Pbx.GetLogs(startDate=2024-05-01T00:00:00.000Z,endDate=2024-05-02T00:00:00.000Z,extension=null,call=null,severity=null)');
	expect(older).toBe(
		"/xapi/v1/ActivityLog/Pbx.GetLogs(startDate=2024-05-01T00:00:00.000Z,endDate=2024-05-02T00:00:00.000Z,extension=null,call=null,search='O''Brien lost',severity=null,top=25,skip=5)",
	);
	expect(pbx.xapi('')).toHaveLength(2);
});

test('Get Logs with the older-only inputs left empty: search goes as null', async () => {
	const pbx = fakePbx();
	pbx.scope.get(/Pbx\.GetLogs\(.*severity=null\)/).query(true).reply(404, NOT_FOUND);
	pbx.scope.get(/Pbx\.GetLogs\(.*search=null,severity=null,top=100,skip=0\)/).query(true).reply(200, { value: [] });
	const { error } = await runThreeCx({ resource: 'activityLog', operation: 'getLogs', startDate: '2024-05-01T00:00:00Z', endDate: '2024-05-02T00:00:00Z' });
	expect(error).toBeUndefined();
	expect(pbx.xapi('')).toHaveLength(2);
});

test('Get Call Quality Report on 20.0.4–20.0.5: call_id instead of cdrId, the other parameters quoted', async () => {
	const pbx = fakePbx();
	pbx.scope.get(/Pbx\.GetCallQualityReport\(cdrId=/).reply(404, NOT_FOUND);
	pbx.scope.get(/Pbx\.GetCallQualityReport\(call_id=77,/).reply(200, { Quality: 4.2 });
	const { items, error } = await runThreeCx({
		resource: 'reportCallLogData',
		operation: 'getCallQualityReport',
		[prop('getCallQualityReport', 'call_id')]: 77,
		srcNumber: '100',
		dstNumber: "+49 (30) 1234'5",
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toEqual({ Quality: 4.2 });
	const [newest, older] = pbx.xapi('').map((r) => r.path);
	expect(newest).toBe("/xapi/v1/ReportCallLogData/Pbx.GetCallQualityReport(cdrId='',srcNumber='100',dstNumber='%2B49%20%2830%29%201234%27%275',srcCallerId=null,dstCallerId=null)");
	expect(older).toBe("/xapi/v1/ReportCallLogData/Pbx.GetCallQualityReport(call_id=77,srcNumber='100',dstNumber='%2B49%20%2830%29%201234%27%275',srcCallerId=null,dstCallerId=null)");
});

test('a PBX of the newest update answers the newest form: the older one is never sent', async () => {
	const pbx = fakePbx();
	pbx.scope.get(/Pbx\.GetCallQualityReport\(cdrId='c-1',/).reply(200, { Quality: 5 });
	const { items } = await runThreeCx({ resource: 'reportCallLogData', operation: 'getCallQualityReport', cdrId: 'c-1', srcNumber: '100', dstNumber: '200' });
	expect(items[0].json).toEqual({ Quality: 5 });
	expect(pbx.xapi('')).toHaveLength(1);
});

test('Get User by Number on 20.0.4–20.0.7: the alternate key 404s, Pbx.GetByNumber(number=…) answers', async () => {
	const pbx = fakePbx();
	pbx.scope.get("/xapi/v1/Users(Number='100')").query(true).reply(404, NOT_FOUND);
	pbx.scope.get("/xapi/v1/Users/Pbx.GetByNumber(number='100')").query(true).reply(200, { Id: 3, Number: '100' });
	const { items, error } = await runThreeCx({ resource: 'users', operation: 'getUserByNumber', [prop('getUserByNumber', 'Number')]: '100' });
	expect(error).toBeUndefined();
	expect(items[0].json).toEqual({ Id: 3, Number: '100' });
});
