import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import route from '@stoplight/prism-http/dist/router';
import { XAPI_BASE_PATH, toPrismReadySpec } from './preprocessSpec';
import { sampleRequestsOf } from './sampleRequests';
import { readSpec } from './openApi';
import { availableSpecVersions } from './specLocation';
import { xapiSpecsPresent } from '../../helpers/xapiSpecs';

/**
 * Prism's own router, run in-process on every preprocessed spec: a request built for an
 * operation must be routed to that very operation. Catches path-order problems such as
 * `Users({Id})` claiming `Users(Number='100')` in every version, without starting Prism.
 */
const specsPresent = xapiSpecsPresent('the Prism route-order test');

(specsPresent ? describe.each(availableSpecVersions()) : describe.skip.each(['(no specs)']))('Prism routes every operation of %s to itself', (version) => {
	test('after preprocessing', async () => {
		const spec = toPrismReadySpec(await readSpec(version));
		const resources = await getHttpOperationsFromSpec(spec);
		const original = await readSpec(version);

		const misrouted = sampleRequestsOf(original)
			.filter(({ pathTemplate }) => pathTemplate.includes('{'))
			.map(({ method, pathTemplate, pathAndQuery }) => {
				const input = { method: method.toLowerCase() as 'get', url: { path: pathAndQuery } };
				const result = route({ resources, input });
				const routedTo = result._tag === 'Right' ? result.right.path : `error: ${result.left.message}`;
				return { request: `${method} ${pathAndQuery}`, routedTo, expected: XAPI_BASE_PATH + pathTemplate };
			})
			.filter(({ routedTo, expected }) => routedTo !== expected);

		expect(misrouted).toEqual([]);
	}, 60_000);
});
