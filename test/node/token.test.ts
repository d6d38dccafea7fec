import nock from 'nock';
import { PBX, SECRET, credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { resetPbx } from '../helpers/pbx';
import { waitsAdvanceTokenClock } from '../helpers/tokenTime';

beforeEach(resetPbx);
afterAll(() => nock.restore());

const getUser = { resource: 'users', operation: 'getUser', userId: '={{ $json.id }}' };
/** 3CX's tokens are JWTs; this one expires in an hour. */
const jwtLike = (n: number) =>
	[{ alg: 'HS256' }, { exp: Math.floor(Date.now() / 1000) + 3600, n }, 'sig'].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
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

test('a 401 that survives new tokens says the credential was rejected, with a bounded number of mints, and no secret leaks', async () => {
	const undo = waitsAdvanceTokenClock();
	const jitter = jest.spyOn(Math, 'random').mockReturnValue(0.5); // waits exactly as listed
	let mints = 0;
	const tokens: string[] = [];
	nock(PBX)
		.post('/connect/token')
		.times(10)
		.reply(() => {
			tokens.push(jwtLike(++mints));
			return [200, { access_token: tokens[tokens.length - 1] }];
		});
	nock(PBX).get('/xapi/v1/Users(1)').times(40).reply(401, '');
	const result = await runThreeCx({ ...getUser, userId: 1 }).finally(() => {
		undo();
		jitter.mockRestore();
	});
	expect(result.error?.message).toBe('3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client');
	expect(result.error?.description).toMatch(/another n8n installation or app using the same client/);
	// A token refused before its expiry may have been replaced by another n8n process: the node
	// waits 6–9 s for that one before it mints again. Tries after 0.5, 1.5, 3.5, 6.5, 10.5, 15.5
	// and 20.5 s: new tokens at 0 s, at 6.5 or 10.5 s, and 9–10 s after that.
	expect(mints).toBe(3);
	for (const token of tokens) expect(JSON.stringify(result.run)).not.toContain(token);
	expect(JSON.stringify(result.run)).not.toContain(SECRET);
});

test('a refused token request names the likely cause and does not echo the API key', async () => {
	nock(PBX).post('/connect/token').reply(400, { error: 'invalid_client' });
	const result = await runThreeCx({ ...getUser, userId: 1 });
	expect(result.error?.message).toContain('3CX rejected the credential');
	const everything = JSON.stringify(result.run) + String(result.error?.stack) + String(result.error?.description);
	expect(everything).not.toContain(SECRET);
});
