import type { INodeParameters } from 'n8n-workflow';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { startSpecValidator, type SpecValidator } from './harness/prism';
import { xapiSpecsPresent } from '../helpers/xapiSpecs';

/**
 * Functions whose path parameters changed: on a PBX of 20.0.5, whose spec lacks the newest form
 * (Prism answers 404 as such a PBX does), the node's fallback to the older form must be a request
 * that 20.0.5's spec accepts. One Prism instance, for the one spec these forms belong to.
 */
const specsPresent = xapiSpecsPresent('the legacy-path contract test');

const prop = (operation: string, name: string) => endpoints[operation].params!.find((p) => p.name === name)!.prop;

const CASES: Array<[string, INodeParameters, RegExp]> = [
	[
		'Get Logs with search, top and skip',
		{
			resource: 'activityLog',
			operation: 'getLogs',
			startDate: '2024-05-01T00:00:00Z',
			endDate: '2024-05-02T00:00:00Z',
			extension: '100',
			[prop('getLogs', 'search')]: "O'Brien, lost",
			[prop('getLogs', 'top')]: 25,
			[prop('getLogs', 'skip')]: 5,
		},
		/^\/xapi\/v1\/ActivityLog\/Pbx\.GetLogs\(startDate=2024-05-01T00:00:00\.000Z,.*,search='O''Brien, lost',severity=null,top=25,skip=5\)$/,
	],
	[
		'Get Logs with the older-only inputs left empty',
		{ resource: 'activityLog', operation: 'getLogs', startDate: '2024-05-01T00:00:00Z', endDate: '2024-05-02T00:00:00Z' },
		/^\/xapi\/v1\/ActivityLog\/Pbx\.GetLogs\(.*,search=null,severity=null,top=100,skip=0\)$/,
	],
	[
		'Get Call Quality Report with call_id',
		{ resource: 'reportCallLogData', operation: 'getCallQualityReport', [prop('getCallQualityReport', 'call_id')]: 77, srcNumber: '100', dstNumber: '+49 30 1234' },
		/^\/xapi\/v1\/ReportCallLogData\/Pbx\.GetCallQualityReport\(call_id=77,srcNumber='100',dstNumber='\+49 30 1234',srcCallerId=null,dstCallerId=null\)$/,
	],
];
// Get by Number's older form (Pbx.GetByNumber) is not among them: Prism routes 20.0.5's missing
// /Users(Number='100') to /Users({Id}) and answers 422, not 404 (test/node/legacy-paths.test.ts has it).


(specsPresent ? describe : describe.skip)('older forms of changed functions, against 3CX 20.0.5’s spec (Prism)', () => {
	let validator: SpecValidator;
	beforeAll(async () => {
		validator = await startSpecValidator('20.0.5');
	}, 120_000);
	afterAll(async () => {
		await validator?.stop();
	});

	test.each(CASES)('%s', async (_name, parameters, expected) => {
		forgetTokens();
		const before = validator.received.length;
		const { error } = await runThreeCx(parameters, { credentialsHelper: credentialsHelperFor({ url: validator.baseUrl, accessToken: 'contract-token' }) });
		const forwarded = validator.received.slice(before);
		expect(error?.message).toBeUndefined();
		// The newest form was refused (404: not in 20.0.5's spec); only the older one reached the PBX.
		expect(forwarded).toHaveLength(1);
		expect(forwarded[0].decodedPath).toMatch(expected);
	});
});
