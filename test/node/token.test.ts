import nock from 'nock';
import { PBX, SECRET, credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { resetPbx } from '../helpers/pbx';
import { waitsAdvanceTokenClock } from '../helpers/tokenTime';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const getUser = { resource: 'users', operation: 'getUser', userId: '={{ $json.id }}' };
const items = (n: number) => Array.from({ length: n }, (_, id) => ({ id }));

test('a 100-item execution mints one token and uses it for every item', async () => {
	let mints = 0;
	const auth: string[] = [];
	nock(PBX)
		.post('/connect/token', (body) => body.grant_type === 'client_credentials' && body.client_id === 'n8n' && body.client_secret === SECRET)
		.times(100)
		.reply(() => [200, { access_token: `token-${++mints}`, expires_in: 60 }]);
	nock(PBX)
		.get(/\/xapi\/v1\/Users\(\d+\)/)
		.times(100)
		.reply(function (uri) {
			auth.push(String(this.req.headers.authorization));
			return [200, { Id: Number(/\((\d+)\)/.exec(uri)![1]) }];
		});

	const result = await runThreeCx(getUser, { items: items(100) });

	expect(result.error).toBeUndefined();
	expect(mints).toBe(1);
	expect(new Set(auth)).toEqual(new Set(['Bearer token-1']));
	expect(result.items.map((i) => i.json.Id)).toEqual(items(100).map((i) => i.id));
});

test('the token is reused by the next execution of the same credential', async () => {
	let mints = 0;
	nock(PBX).post('/connect/token').times(5).reply(() => [200, { access_token: `token-${++mints}` }]);
	nock(PBX).get(/\/xapi\/v1\/Users\(\d+\)/).times(4).reply(200, { Id: 1 });
	const credentialsHelper = credentialsHelperFor();
	await runThreeCx(getUser, { items: items(2), credentialsHelper });
	await runThreeCx(getUser, { items: items(2), credentialsHelper });
	expect(mints).toBe(1);
});

test('a 401 makes n8n re-mint once and retry; concurrent items share the new token', async () => {
	let mints = 0;
	nock(PBX).post('/connect/token').times(20).reply(() => [200, { access_token: `token-${++mints}` }]);
	nock(PBX)
		.get(/\/xapi\/v1\/Users\(\d+\)/)
		.times(40)
		.reply(function () {
			return this.req.headers.authorization === 'Bearer token-2' ? [200, { ok: true }] : [401, ''];
		});
	const credentialsHelper = credentialsHelperFor({ accessToken: 'token-1' });
	// the stored token-1 was revoked (someone minted again): the PBX now only accepts token-2
	mints = 1;
	const result = await runThreeCx(getUser, { items: items(10), credentialsHelper });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(10);
	expect(mints).toBe(2);
	expect(credentialsHelper.store.get('1')?.accessToken).toBe('token-2');
});

test('a 401 that survives new tokens says the credential was rejected, after one more mint at most, and no secret leaks', async () => {
	const undo = waitsAdvanceTokenClock();
	let mints = 0;
	nock(PBX).post('/connect/token').times(5).reply(() => [200, { access_token: `token-x${++mints}` }]);
	nock(PBX).get('/xapi/v1/Users(1)').times(20).reply(401, '');
	const result = await runThreeCx({ ...getUser, userId: 1 }).finally(undo);
	expect(result.error?.message).toBe('3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client');
	expect(result.error?.description).toMatch(/another n8n installation or app using the same client/);
	// A token refused at once may have been replaced by another n8n process: the node waits for
	// that one instead of minting, and mints again only once the refused token is no longer young.
	expect(mints).toBeGreaterThanOrEqual(2);
	expect(mints).toBeLessThanOrEqual(3);
	for (let n = 1; n <= mints; n++) expect(JSON.stringify(result.run)).not.toContain(`token-x${n}`);
	expect(JSON.stringify(result.run)).not.toContain(SECRET);
});

test('a refused token request names the likely cause and does not echo the API key', async () => {
	nock(PBX).post('/connect/token').reply(400, { error: 'invalid_client' });
	const result = await runThreeCx({ ...getUser, userId: 1 });
	expect(result.error?.message).toContain('3CX rejected the credential');
	const everything = JSON.stringify(result.run) + String(result.error?.stack) + String(result.error?.description);
	expect(everything).not.toContain(SECRET);
});
