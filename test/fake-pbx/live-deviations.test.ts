// The fake PBX by default behaves as live 3CX PBXs do where they deviate from their published spec
// (../shared/live-pbx/FACTS.md); each test here is one row of the table in README.md.
import { startFakePbx, type FakePbx, type FakePbxOptions, type PbxRecord } from './index';

const TOP_LIMIT_BODY = (top: number, limit = 100) => ({
	error: {
		code: '',
		message: `The query specified in the URI is not valid. The limit of '${limit}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
	},
});

interface CallLogArguments {
	periodFrom: string;
	periodTo: string;
	sourceType: string;
	sourceFilter: string;
	destinationType: string;
	destinationFilter: string;
	callsType: string;
	callTimeFilterType: string;
	callTimeFilterFrom: string;
	callTimeFilterTo: string;
	hidePcalls: string;
}

/** The 11 arguments as every live-tested client sends them: period unquoted, empty strings as ''. */
const KNOWN_GOOD: CallLogArguments = {
	periodFrom: '2025-01-01T00:00:00.000Z',
	periodTo: '2025-12-31T00:00:00.000Z',
	sourceType: '0',
	sourceFilter: "''",
	destinationType: '0',
	destinationFilter: "''",
	callsType: '0',
	callTimeFilterType: '0',
	callTimeFilterFrom: "'0:00:0'",
	callTimeFilterTo: "'0:00:0'",
	hidePcalls: 'true',
};

function callLogPath(overrides: Partial<Record<keyof CallLogArguments, string | undefined>> = {}, query = ''): string {
	const args = { ...KNOWN_GOOD, ...overrides };
	const list = Object.entries(args)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
		.join(',');
	return `/ReportCallLogData/Pbx.GetCallLogData(${list})${query}`;
}

async function startWithToken(options: FakePbxOptions = {}) {
	const pbx = await startFakePbx({ callHistoryRows: 300, ...options });
	const response = await fetch(`${pbx.url}/connect/token`, {
		method: 'POST',
		body: new URLSearchParams({ client_id: 'demo', client_secret: 'demo-secret', grant_type: 'client_credentials' }),
	});
	const token = (await response.json()) as { access_token: string; expires_in: number };
	const xapi = async (path: string) => await fetch(`${pbx.url}/xapi/v1${path}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
	const json = async (path: string): Promise<PbxRecord> => {
		const answer = await xapi(path);
		expect(answer.status).toBe(200);
		return (await answer.json()) as PbxRecord;
	};
	return { pbx, token, xapi, json };
}

describe('fake PBX: live deviations from the spec', () => {
	let pbx: FakePbx;
	let xapi: (path: string) => Promise<Response>;
	let json: (path: string) => Promise<PbxRecord>;
	let accessToken: string;
	const tokenHeader = async () => `Bearer ${accessToken}`;

	beforeAll(async () => {
		let token: { access_token: string };
		({ pbx, xapi, json, token } = await startWithToken());
		accessToken = token.access_token;
	});
	afterAll(async () => await pbx.stop());

	describe('$top limit', () => {
		it.each(['/Users', '/Contacts', '/Queues', '/Groups', '/EventLogs', '/Users(1)/Groups', '/ReportInboundRules/Pbx.GetInboundRulesData()'])(
			'%s refuses $top above 100 with 3CX exact 400 body',
			async (path) => {
				const response = await xapi(`${path}?$top=500`);
				expect(response.status).toBe(400);
				expect(await response.json()).toEqual(TOP_LIMIT_BODY(500));
				expect((await xapi(`${path}?$top=100`)).status).toBe(200);
			},
		);

		it('takes a configured limit, and large pages on CallHistoryView and the call log', async () => {
			const strict = await startWithToken({ topLimit: 50 });
			try {
				expect(await (await strict.xapi('/Users?$top=51')).json()).toEqual(TOP_LIMIT_BODY(51, 50));
				expect((await strict.json('/Users?$top=50')).value).toHaveLength(50);
			} finally {
				await strict.pbx.stop();
			}
			expect((await json('/CallHistoryView?$top=100000')).value).toHaveLength(300);
			expect((await json(callLogPath({}, '?$top=1000'))).value).toHaveLength(500);
		});
	});

	describe('call history', () => {
		it('CallHistoryView ignores $orderby: pages run oldest first', async () => {
			const page = await json('/CallHistoryView?$orderby=SegmentId%20desc&$top=3&$select=SegmentId&$count=true');
			expect(page.value.map((row: PbxRecord) => row.SegmentId)).toEqual([1, 2, 3]);
			expect(page['@odata.count']).toBe(300);
		});

		it('new calls go to the call log from 20.0.6 and to CallHistoryView before', async () => {
			const before = pbx.state.CallHistoryView.length;
			const call = pbx.addCall({ from: '105', to: '+4930555', startTime: '2029-06-01T10:00:00Z', seconds: 7 });
			expect(pbx.state.CallHistoryView.length).toBe(before);
			expect(call).toMatchObject({ SourceDn: '105', DestinationDn: '+4930555', StartTime: '2029-06-01T10:00:00.000+00:00', TalkingDuration: 'PT7S' });
			expect(call.CdrId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
			const read = await json(callLogPath({ periodFrom: '2029-06-01T00:00:00Z', periodTo: '2029-06-02T00:00:00Z' }));
			expect(read.value).toEqual([call]);

			const older = await startWithToken({ version: '20.0.5.100' });
			try {
				const row = older.pbx.addCall({ from: '105' });
				expect(row.SegmentId).toBe(301);
				expect(older.pbx.state.CallHistoryView.at(-1)).toBe(row);
				expect(older.pbx.state.CallLog.length).toBe(0);
				// 20.0.5's call log report reads the same calls, without the CDR fields of 20.0.6.
				const report = await older.json(callLogPath({ periodFrom: new Date(Date.now() - 1000).toISOString(), periodTo: new Date(Date.now() + 86_400_000).toISOString() }, '?$top=1'));
				expect(report.value[0]).toMatchObject({ SourceDn: '105' });
				expect(report.value[0]).not.toHaveProperty('CdrId');
			} finally {
				await older.pbx.stop();
			}
		});

		it('GetCallLogData gives durations as ISO strings with fractions and lists the newest call first', async () => {
			const { value } = await json(callLogPath({}, '?$top=3'));
			expect(value[0].TalkingDuration).toMatch(/^PT(\d+M)?\d+(\.\d+)?S$/);
			expect(value.some((row: PbxRecord) => /\.\d+S$/.test(row.RingingDuration))).toBe(true);
			const starts = value.map((row: PbxRecord) => Date.parse(row.StartTime));
			expect([...starts].sort((a, b) => b - a)).toEqual(starts);
			const ascending = (await json(callLogPath({}, '?$top=3&$orderby=StartTime%20asc'))).value;
			expect(ascending[0].StartTime).toBe(pbx.state.CallLog.at(0)!.StartTime);
		});

		it('GetCallLogData applies $top/$skip before $filter, and $count counts only that page', async () => {
			const asc = '&$orderby=StartTime%20asc';
			const firstTen = (await json(callLogPath({}, `?$top=10${asc}`))).value as PbxRecord[];
			const wanted = firstTen[7].CdrId as string;
			const filter = `$filter=${encodeURIComponent(`CdrId eq '${wanted}'`)}`;
			// The row is the 8th: a page of 5 filtered finds nothing, the next page finds it.
			expect((await json(callLogPath({}, `?$top=5${asc}&${filter}&$count=true`)))).toMatchObject({ '@odata.count': 0, value: [] });
			const second = await json(callLogPath({}, `?$top=5&$skip=5${asc}&${filter}&$count=true`));
			expect(second['@odata.count']).toBe(1);
			expect(second.value.map((row: PbxRecord) => row.CdrId)).toEqual([wanted]);
		});

		it.each([
			['a missing argument', { hidePcalls: undefined }, 404],
			['an unknown argument', { extra: '1' } as never, 404],
			['an empty callTimeFilterFrom', { callTimeFilterFrom: "''" }, 500],
			['a null callTimeFilterTo', { callTimeFilterTo: 'null' }, 500],
			['a period with a non-UTC offset', { periodFrom: '2025-01-01T00:00:00+01:00' }, 500],
			['a quoted period', { periodTo: "'2030-01-01T00:00:00Z'" }, 500],
			['a date without time', { periodTo: '2030-01-01' }, 500],
			['a text for an integer', { callsType: "'all'" }, 500],
			['a period of more than a year', { periodFrom: '2010-01-01T00:00:00Z' }, 504],
		])('GetCallLogData answers %s with %s', async (_, overrides, status) => {
			const response = await xapi(callLogPath(overrides));
			expect(response.status).toBe(status);
			if (status === 500) expect(await response.json()).toEqual({ error: { code: '', message: expect.stringMatching(/could not be converted/) } });
			if (status === 504) expect(response.headers.get('content-type')).toBe('text/html');
		});
	});

	describe('recordings and files', () => {
		it('GET /Recordings({Id}) is 404 with every key syntax; the filter form finds it', async () => {
			for (const path of ['/Recordings(3)', '/Recordings(Id=3)', "/Recordings('3')"]) expect((await xapi(path)).status).toBe(404);
			const found = await json(`/Recordings?$filter=${encodeURIComponent('Id eq 3')}&$top=1`);
			expect(found.value).toEqual([expect.objectContaining({ Id: 3 })]);
		});

		it('a function argument of the wrong type answers 500, a missing one 404', async () => {
			expect((await xapi("/Recordings/Pbx.DownloadRecording(recId='3')")).status).toBe(500);
			expect((await xapi('/Recordings/Pbx.DownloadRecording()')).status).toBe(404);
		});

		it('Recordings/Pbx.DownloadRecording answers audio/x-wav with the file name', async () => {
			const response = await xapi('/Recordings/Pbx.DownloadRecording(recId=3)');
			expect(response.headers.get('content-type')).toBe('audio/x-wav');
			expect(response.headers.get('content-disposition')).toMatch(/filename=".+\.wav"/);
		});

		it('a recording whose file is gone answers FILE_NOT_FOUND in details', async () => {
			const gone = pbx.add('Recordings', { RecordingUrl: null });
			const response = await xapi(`/Recordings/Pbx.DownloadRecording(recId=${gone.Id})`);
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual({ error: { code: '', message: 'recId:\nWARNINGS.XAPI.FILE_NOT_FOUND', details: [{ code: '', message: 'WARNINGS.XAPI.FILE_NOT_FOUND', target: 'recId' }] } });
		});

		it('a second backup of one name answers DUPLICATE; the first a 204 without a body', async () => {
			const create = async () =>
				await fetch(`${pbx.url}/xapi/v1/Backups/Pbx.Backup`, {
					method: 'POST',
					headers: { Authorization: (await tokenHeader()) as string, 'Content-Type': 'application/json' },
					body: JSON.stringify({ description: { Name: 'twice' } }),
				});
			const first = await create();
			expect(first.status).toBe(204);
			expect(await first.text()).toBe('');
			expect(await (await create()).json()).toMatchObject({ error: { code: '', details: [{ code: '', message: 'WARNINGS.XAPI.DUPLICATE' }] } });
		});

		it('exports answer text/csv; charset=UTF-8', async () => {
			const response = await xapi('/Users/Pbx.ExportExtensions()');
			expect(response.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
		});
	});

	describe('errors and shapes', () => {
		it('errors carry code "" and the codes seen in details', async () => {
			const missing = await xapi('/Users(999999)');
			expect(await missing.json()).toEqual({ error: { code: '', message: 'Id:\nWARNINGS.XAPI.NOT_FOUND', details: [{ code: '', message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }] } });
		});

		it('an outbound rule routed through a trunk the PBX lacks answers NOT_FOUND on TrunkId', async () => {
			const post = async (trunkId: number) =>
				await fetch(`${pbx.url}/xapi/v1/OutboundRules`, {
					method: 'POST',
					headers: { Authorization: await tokenHeader(), 'Content-Type': 'application/json' },
					body: JSON.stringify({ Name: `via ${trunkId}`, Routes: [{ TrunkId: trunkId }] }),
				});
			const foreign = await post(99999);
			expect(foreign.status).toBe(400);
			expect(await foreign.json()).toEqual({ error: { code: '', message: 'TrunkId:\nWARNINGS.XAPI.NOT_FOUND', details: [{ code: '', message: 'WARNINGS.XAPI.NOT_FOUND', target: 'TrunkId' }] } });
			expect((await post(pbx.state.Trunks[0].Id as number)).status).toBe(201);
		});

		it('singletons answer a plain object without value', async () => {
			const settings = await json('/NotificationSettings');
			expect(settings).not.toHaveProperty('value');
			expect(settings['@odata.context']).toMatch(/#NotificationSettings$/);
		});
	});

	describe('latency', () => {
		it('latencyMs holds every answer back at least that long (for the bench: a PBX over the internet)', async () => {
			const slow = await startWithToken({ latencyMs: 120, callHistoryRows: 0 });
			try {
				const started = process.hrtime.bigint();
				await slow.json('/Users?$top=1');
				expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(119);
			} finally {
				await slow.pbx.stop();
			}
		});
	});

	describe('tokens', () => {
		it.each([
			['20.0.5.100', 60],
			['20.0.8.100', 60],
			['20.0.9.100', 3600],
			['20.0.10.1000', 3600],
		])('expires_in on %s is %i (minutes before 20.0.9, seconds from 20.0.9)', async (version, expiresIn) => {
			const started = await startWithToken({ version, callHistoryRows: 0 });
			try {
				expect(started.token.expires_in).toBe(expiresIn);
			} finally {
				await started.pbx.stop();
			}
		});
	});
});
