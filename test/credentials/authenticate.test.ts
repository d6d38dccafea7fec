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
	const pages: Array<{ skip: string; authorization: string; status: number }> = [];
	nock(PBX)
		.get('/xapi/v1/Users')
		.query(true)
		.times(60)
		.reply(function (uri) {
			const query = new URL(uri, PBX).searchParams;
			const skip = query.get('$skip') ?? '';
			const authorization = String(this.req.headers.authorization);
			// The first token is revoked once the first page is served (another client minted).
			const status = skip !== '0' && authorization === 'Bearer token-1' ? 401 : 200;
			pages.push({ skip, authorization, status });
			if (status === 401) return [401, ''];
			return [200, { value: rows(Number(skip), Math.max(0, Math.min(Number(query.get('$top')), 220 - Number(skip)))) }];
		});

	const undo = waitsAdvanceTokenClock();
	const result = await runThreeCx({ resource: 'users', operation: 'listUser', returnAll: true }, { credentialsHelper: credentialsHelperFor() }).finally(undo);

	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.Id)).toEqual(rows(0, 220).map((row) => row.Id));
	expect(pages[0]).toEqual({ skip: '0', authorization: 'Bearer token-1', status: 200 });
	// Each page in flight was refused with the revoked token and answered with the one new token.
	const refused = pages.filter((page) => page.status === 401).map((page) => page.skip);
	expect(refused.length).toBeGreaterThan(0);
	for (const skip of refused) expect(pages).toContainEqual({ skip, authorization: 'Bearer token-2', status: 200 });
	expect(pages.filter((page) => page.status === 200).slice(1).every((page) => page.authorization === 'Bearer token-2')).toBe(true);
	expect(mints).toBe(2);
});
