import nock from 'nock';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { PBX, SECRET, credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { resetPbx } from '../helpers/pbx';
import { waitsAdvanceTokenClock } from '../helpers/tokenTime';

beforeEach(resetPbx);
afterAll(() => nock.restore());

type Authenticate = (credentials: Record<string, unknown>, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
const authenticate = new ThreeCxApi().authenticate as Authenticate;

test('authenticate adds the bearer token and leaves the request it was given untouched', async () => {
	const options: IHttpRequestOptions = { url: `${PBX}/xapi/v1/Users`, headers: { Accept: 'application/json' }, qs: { $top: 1 } };
	const credentials = { url: PBX, clientId: 'n8n', apiKey: SECRET, accessToken: 'token-7' };

	const sent = await authenticate(credentials, options);

	expect(sent).toEqual({ ...options, headers: { Accept: 'application/json', Authorization: 'Bearer token-7' } });
	expect(options.headers).toEqual({ Accept: 'application/json' });
	expect(JSON.stringify(sent)).not.toContain(SECRET);
});

test('every page of a Return All carries the current token, the new one after a mid-run 401', async () => {
	let mints = 0;
	nock(PBX).post('/connect/token').times(3).reply(() => [200, { access_token: `token-${++mints}` }]);
	const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Id: from + i }));
	const pages: Array<{ skip: string; authorization: string }> = [];
	nock(PBX)
		.get('/xapi/v1/Users')
		.query(true)
		.times(20)
		.reply(function (uri) {
			const skip = new URL(uri, PBX).searchParams.get('$skip') ?? '';
			const authorization = String(this.req.headers.authorization);
			pages.push({ skip, authorization });
			// The first token is revoked once the first page is served (another client minted).
			if (skip !== '0' && authorization === 'Bearer token-1') return [401, ''];
			return [200, { value: rows(Number(skip), skip === '1000' ? 20 : 500) }];
		});

	const undo = waitsAdvanceTokenClock();
	const result = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true }, { credentialsHelper: credentialsHelperFor() }).finally(undo);

	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1020);
	// token-1 was refused moments after its mint, as when another n8n worker replaced it: the
	// page is tried again (reading the credential each time) until token-1 is no longer young.
	const refused = pages.slice(1, -2);
	expect(refused.length).toBeGreaterThanOrEqual(1);
	expect(new Set(refused.map((page) => JSON.stringify(page)))).toEqual(new Set([JSON.stringify({ skip: '500', authorization: 'Bearer token-1' })]));
	expect(pages[0]).toEqual({ skip: '0', authorization: 'Bearer token-1' });
	expect(pages.slice(-2)).toEqual([
		{ skip: '500', authorization: 'Bearer token-2' },
		{ skip: '1000', authorization: 'Bearer token-2' },
	]);
	expect(mints).toBe(2);
});
