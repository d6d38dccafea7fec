import type { INodeProperties } from 'n8n-workflow';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/**
 * Path and function parameters say which updates have them, as body fields do; a function whose
 * parameters changed keeps its older form (legacyPath), with the inputs that form needs.
 */
const { properties } = new ThreeCx().description;
const input = (operation: string, spec: string): INodeProperties => {
	const prop = endpoints[operation].params!.find((p) => p.name === spec)!.prop;
	return properties.find((p) => p.name === prop && p.displayOptions?.show?.operation?.includes(operation))!;
};

describe('a parameter some updates of its operation lack says which updates have it', () => {
	test('Client Time Zone of the inbound/outbound call downloads: 20.0.7 on (the operations exist from 20.0.6)', () => {
		for (const operation of ['downloadGetInboundCalls', 'downloadGetOutboundCalls']) {
			expect(input(operation, 'clientTimeZone').description).toBe('In Download Get Inbound Calls and Download Get Outbound Calls: 3CX 20.0.7 and later');
		}
		// The same input serves Download Chat History, which has it in every update.
		expect(input('downloadChatHistory', 'clientTimeZone')).toBe(input('downloadGetInboundCalls', 'clientTimeZone'));
	});

	test('Provider of Get AI Resources: 20.0.10 (the operation exists from 20.0.9)', () => {
		expect(input('getAiResources', 'provider').description).toBe('3CX 20.0.10 and later');
	});

	test('Cdr ID of Get Call Quality Report: 20.0.6 on, and not required of 20.0.4–20.0.5 users', () => {
		const cdrId = input('getCallQualityReport', 'cdrId');
		expect(cdrId.description).toBe('3CX 20.0.6 and later');
		expect(cdrId.required).toBeUndefined();
	});

	test('a parameter of every update carries no note and stays required', () => {
		expect(input('getCallQualityReport', 'srcNumber')).toMatchObject({ required: true });
		expect(input('getCallQualityReport', 'srcNumber').description).toBeUndefined();
	});
});

describe('functions whose path parameters changed keep their older form', () => {
	test('Get Logs: search, top and skip of 20.0.4–20.0.5 are inputs, optional, filled into the older path', () => {
		const endpoint = endpoints.getLogs;
		expect(endpoint.legacyPath).toBe(
			'/ActivityLog/Pbx.GetLogs(startDate={startDate},endDate={endDate},extension={extension},call={call},search={search},severity={severity},top={top},skip={skip})',
		);
		for (const name of ['search', 'top', 'skip']) {
			expect(endpoint.params!.find((p) => p.name === name)).toMatchObject({ nullable: true });
			expect(input('getLogs', name)).toMatchObject({ description: '3CX 20.0.4–20.0.5 only' });
			expect(input('getLogs', name).required).toBeUndefined();
		}
		// A page of logs, not none.
		expect(input('getLogs', 'top').default).toBe(100);
	});

	test('Get Call Quality Report: call_id of 20.0.4–20.0.5 next to cdrId, without renaming Get Old Call Quality Report’s Call ID', () => {
		expect(endpoints.getCallQualityReport.legacyPath).toContain('(call_id={call_id},');
		expect(input('getCallQualityReport', 'call_id')).toMatchObject({ type: 'number', description: '3CX 20.0.4–20.0.5 only' });
		expect(endpoints.getOldCallQualityReport.params!.find((p) => p.name === 'call_id')?.prop).toBe('callId');
	});

	test('Get by Number of 20.0.4–20.0.7 (Pbx.GetByNumber(number=…)) reads the same Number input', () => {
		const endpoint = endpoints.getUserByNumber;
		expect(endpoint.legacyPath).toBe('/Users/Pbx.GetByNumber(number={number})');
		const [current, older] = ['Number', 'number'].map((name) => endpoint.params!.find((p) => p.name === name)!);
		expect(older.prop).toBe(current.prop);
	});

	test('every placeholder of every path form has a parameter to fill it', () => {
		const unfilled: string[] = [];
		for (const [operation, endpoint] of Object.entries(endpoints)) {
			const names = new Set((endpoint.params ?? []).map((p) => p.name));
			for (const template of [endpoint.path, endpoint.legacyPath].filter((t): t is string => Boolean(t))) {
				for (const [, name] of template.matchAll(/\{([^}]+)\}/g)) if (!names.has(name)) unfilled.push(`${operation}: ${name}`);
			}
		}
		expect(unfilled).toEqual([]);
	});
});
