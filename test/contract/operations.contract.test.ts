import type { IDataObject } from 'n8n-workflow';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { startSpecValidator, type SpecValidator } from './harness/prism';
import { xapiSpecsPresent } from '../helpers/xapiSpecs';
import { locators } from '../../nodes/ThreeCx/generated';
import { locatorCases, operationCases, wronglyTyped, type LocatorCase, type OperationCase } from './samples';
// The generator's reading of the specs says which updates have each operation; the request is
// then judged by Prism against the newest of those specs.
import { buildModel } from '../../scripts/generate/operations.js';
import { loadSpecs } from '../../scripts/generate/load-specs.js';

const specsPresent = xapiSpecsPresent('the contract test');

function newestVersionByOperation(): Map<string, string> {
	const model = buildModel(loadSpecs());
	const newest = new Map<string, string>();
	for (const ops of model.resources.values()) for (const op of ops) newest.set(op.value, op.versions[op.versions.length - 1]);
	return newest;
}

const tally = { positive: 0, positivePassed: 0, negative: 0, negativeRejected: 0, locator: 0, locatorPassed: 0 };

(specsPresent ? describe : describe.skip)('every operation, against 3CX’s own spec (Prism)', () => {
	// From the committed model, so that a skipped run still has the versions to name its blocks.
	const newest = newestVersionByOperation();
	const cases = operationCases();
	const versions = [...new Set(newest.values())];

	test('the cases cover all 627 operations', () => {
		expect(cases).toHaveLength(627);
		expect(Object.keys(endpoints)).toHaveLength(627);
	});

	describe.each(versions)('operations whose newest spec is %s', (version) => {
		let validator: SpecValidator;
		beforeAll(async () => {
			validator = await startSpecValidator(version);
		}, 120_000);
		afterAll(async () => {
			await validator?.stop();
		});

		const mine = cases.filter((c) => newest.get(c.operation) === version);
		const mineByLocator = locatorCases().filter((c) => newest.get(c.operation) === version);

		test.each(mine.map((c) => [c.operation, c] as [string, OperationCase]))('%s', async (_name, { parameters, endpoint }) => {
			forgetTokens();
			tally.positive++;
			const before = validator.received.length;
			const { error } = await runThreeCx(parameters, { credentialsHelper: credentialsHelperFor({ url: validator.baseUrl, accessToken: 'contract-token' }) });
			const forwarded = validator.received.slice(before);
			expect(error?.message).toBeUndefined();
			expect(forwarded.length).toBeGreaterThan(0);
			expect(forwarded[0].method).toBe(endpoint.method);
			tally.positivePassed++;

			if (endpoint.body) {
				// Every operation with a body gets a wrongly typed twin that Prism must reject, so the harness is shown to bite.
				const wrong = wronglyTyped((forwarded[0].body ?? {}) as IDataObject);
				expect(wrong).toBeDefined();
				tally.negative++;
				const verdict = await validator.check(endpoint.method, forwarded[0].path, wrong!, { authorization: 'Bearer contract-token' });
				expect(verdict.ok).toBe(false);
				tally.negativeRejected++;
			}
		});

		if (mineByLocator.length) {
			test.each(mineByLocator.map((c) => [`${c.operation} ${c.mode} ${c.value}`, c] as [string, LocatorCase]))('%s', async (_name, c) => {
				forgetTokens();
				tally.locator++;
				const before = validator.received.length;
				const { error } = await runThreeCx(c.parameters, { credentialsHelper: credentialsHelperFor({ url: validator.baseUrl, accessToken: 'contract-token' }) });
				const forwarded = validator.received.slice(before);
				expect(forwarded.length).toBeGreaterThan(0);
				const locator = locators[c.endpoint.params!.find((p) => p.locator)!.locator!];
				if (c.mode === 'list') {
					expect(error?.message).toBeUndefined();
					expect(forwarded[0].method).toBe(c.endpoint.method);
				} else if (c.endpoint.byNumber) {
					// Reading the entity By Number: 3CX's alternate-key path.
					expect(error?.message).toBeUndefined();
					expect(forwarded[0].decodedPath).toBe(`/xapi/v1${c.endpoint.byNumber.replace('{Number}', `'${c.value}'`)}`);
				} else {
					// Any other operation looks the number up first; the answerer knows no entities, so the lookup finds none.
					expect(error?.message).toBe(`No ${locator.label.toLowerCase()} has the number ${c.value}`);
					expect(forwarded).toHaveLength(1);
					expect(forwarded[0]).toMatchObject({ method: 'GET', decodedPath: `/xapi/v1/${locator.set}`, query: { $filter: `Number eq '${c.value}'` } });
				}
				tally.locatorPassed++;
			});
		}
	});

	test('every operation passed, and every operation with a body had its wrongly typed twin rejected', () => {
		const withBody = Object.values(endpoints).filter((endpoint) => endpoint.body).length;
		expect(tally).toMatchObject({ positive: 627, positivePassed: 627, negative: withBody, negativeRejected: withBody });
	});

	afterAll(() => {
		console.log(`Contract: ${tally.locatorPassed}/${tally.locator} resource-locator cases (From List, By Number) accepted by 3CX's spec`);
		console.log(
			`Contract: ${tally.positivePassed}/${tally.positive} operations accepted by 3CX's spec; ` +
				`${tally.negativeRejected}/${tally.negative} wrongly typed bodies rejected`,
		);
	});
});
