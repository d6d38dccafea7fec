import nock from 'nock';
import type { TestCredentialsHelper } from '../helpers/credentials';
import { processesSharing } from '../helpers/processes';
import { resetPbx } from '../helpers/pbx';
import { PBX, SECRET, runThreeCx } from '../helpers/workflow';
import { SAME_ROUND_MS } from '../../nodes/shared/transport/tokenHandOver';

beforeEach(resetPbx);
afterAll(() => nock.restore());

jest.setTimeout(60_000);

const workers = (count: number) => processesSharing(count, { url: PBX, clientId: 'n8n', apiKey: SECRET, allowUnauthorizedCerts: false });

/** 3CX's rule: one live token per API client; a mint revokes the previous one. */
function oneTokenPbx() {
	const pbx = { live: '', mints: 0, unauthorized: 0 };
	nock(PBX)
		.post('/connect/token')
		.times(1000)
		.delay(20)
		.reply(() => {
			pbx.live = `token-${++pbx.mints}`;
			return [200, { access_token: pbx.live, expires_in: 3600 }];
		});
	nock(PBX)
		.get(/\/xapi\/v1\/Users\(\d+\)/)
		.times(10_000)
		.delay(5)
		.reply(function () {
			if (this.req.headers.authorization === `Bearer ${pbx.live}`) return [200, { Id: 1 }];
			pbx.unauthorized++;
			return [401, ''];
		});
	return pbx;
}

const getUser = { resource: 'users', operation: 'getUser', userId: 1 };

/** `perWorker` executions on each worker, all at once; how many failed. */
async function burst(helpers: TestCredentialsHelper[], perWorker: number): Promise<number> {
	const runs = helpers.flatMap((credentialsHelper) => Array.from({ length: perWorker }, () => runThreeCx(getUser, { credentialsHelper })));
	const results = await Promise.all(runs);
	return results.filter((result) => result.error !== undefined).length;
}

test('a burst on a fresh credential across 3 workers: every execution succeeds, at most one mint per worker', async () => {
	const pbx = oneTokenPbx();
	const helpers = workers(3);

	expect(await burst(helpers, 10)).toBe(0);
	expect(pbx.mints).toBeLessThanOrEqual(3);
	expect(helpers[0].store.get('1')?.accessToken).toBe(pbx.live);
});

test('after each expiry the workers agree on one new token: no execution fails, at most one mint per worker per expiry', async () => {
	const pbx = oneTokenPbx();
	const helpers = workers(3);
	expect(await burst(helpers, 4)).toBe(0);

	for (let expiry = 1; expiry <= 3; expiry++) {
		const mintsBefore = pbx.mints;
		pbx.live = ''; // the token's lifetime ran out
		// An expired token is older than a round of mints.
		await new Promise((resolve) => setTimeout(resolve, SAME_ROUND_MS));
		expect(await burst(helpers, 4)).toBe(0);
		expect(pbx.mints - mintsBefore).toBeLessThanOrEqual(3);
		expect(pbx.mints - mintsBefore).toBeGreaterThanOrEqual(1);
	}
});

test('a stored token another worker revoked is replaced by the newest one, not passed round', async () => {
	const pbx = oneTokenPbx();
	const [a, b, c] = workers(3);
	expect(await burst([a], 1)).toBe(0);
	expect(await burst([b], 1)).toBe(0); // b uses a's stored token: no mint
	expect(pbx.mints).toBe(1);

	// The PBX restarts: every token is gone. b and c both find the stored token refused.
	pbx.live = '';
	await new Promise((resolve) => setTimeout(resolve, SAME_ROUND_MS));
	expect(await burst([b, c], 3)).toBe(0);
	const afterRestart = pbx.mints;
	expect(afterRestart).toBeLessThanOrEqual(3);

	// a never saw the new token; its next executions take the stored one instead of minting.
	expect(await burst([a, b, c], 3)).toBe(0);
	expect(pbx.mints).toBe(afterRestart);
});
