import { startFakePbx, type FakePbx, type PbxRecord } from './index';

const CLIENT = { client_id: 'demo', client_secret: 'demo-secret', grant_type: 'client_credentials' };

async function mintToken(pbx: FakePbx, fields: Record<string, string> = CLIENT): Promise<Response> {
	return fetch(`${pbx.url}/connect/token`, { method: 'POST', body: new URLSearchParams(fields) });
}

async function token(pbx: FakePbx): Promise<string> {
	const response = await mintToken(pbx);
	expect(response.status).toBe(200);
	return ((await response.json()) as { access_token: string }).access_token;
}

/** An OData string literal for a URL: quotes doubled, then percent-encoded. */
function literal(value: string): string {
	return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

describe('fake 3CX PBX', () => {
	let pbx: FakePbx;
	let accessToken: string;

	async function xapi(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
		const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}` };
		if (init.json !== undefined) headers['Content-Type'] = 'application/json';
		return fetch(`${pbx.url}/xapi/v1${path}`, {
			...init,
			headers,
			body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
		});
	}

	async function getJson(path: string): Promise<PbxRecord> {
		const response = await xapi(path);
		expect(response.status).toBe(200);
		return (await response.json()) as PbxRecord;
	}

	beforeAll(async () => {
		pbx = await startFakePbx({ seed: 1 });
		accessToken = await token(pbx);
	});

	afterAll(async () => {
		await pbx.stop();
	});

	describe('tokens', () => {
		it('answers a bearer token and counts the mint', async () => {
			const before = pbx.stats.mints;
			const response = await mintToken(pbx);
			const body = (await response.json()) as Record<string, unknown>;
			expect(response.status).toBe(200);
			expect(body).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
			expect(pbx.stats.mints).toBe(before + 1);
			accessToken = body.access_token as string;
		});

		it('revokes the previous token when a new one is minted (one live token per client)', async () => {
			const first = await token(pbx);
			accessToken = first;
			expect((await xapi('/Defs?$select=Id')).status).toBe(200);
			const second = await token(pbx);
			expect((await xapi('/Defs?$select=Id')).status).toBe(401);
			accessToken = second;
			expect((await xapi('/Defs?$select=Id')).status).toBe(200);
		});

		it('rejects a wrong secret with invalid_client', async () => {
			const response = await mintToken(pbx, { ...CLIENT, client_secret: 'wrong' });
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({ error: 'invalid_client' });
		});

		it('accepts multipart form data, as the 3CX tutorial sends it', async () => {
			const form = new FormData();
			for (const [name, value] of Object.entries(CLIENT)) form.append(name, value);
			const response = await fetch(`${pbx.url}/connect/token`, { method: 'POST', body: form });
			expect(response.status).toBe(200);
			accessToken = ((await response.json()) as { access_token: string }).access_token;
		});

		it('answers 401 without a token, with a bad token and after expireTokens()', async () => {
			const anonymous = await fetch(`${pbx.url}/xapi/v1/Users`);
			expect(anonymous.status).toBe(401);
			expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);

			const saved = accessToken;
			accessToken = 'not-a-token';
			expect((await xapi('/Users')).status).toBe(401);
			accessToken = saved;

			pbx.expireTokens();
			expect((await xapi('/Users')).status).toBe(401);
			accessToken = await token(pbx);
			expect((await xapi('/Users')).status).toBe(200);
		});

		it('expireTokensAfter(n): the live token answers n more requests, then 401 once; a new token lives on', async () => {
			accessToken = await token(pbx);
			const unauthorized = pbx.stats.unauthorized;
			pbx.expireTokensAfter(2);
			expect((await xapi('/Defs?$select=Id')).status).toBe(200);
			expect((await xapi('/Defs?$select=Id')).status).toBe(200);
			expect((await xapi('/Defs?$select=Id')).status).toBe(401);
			expect((await xapi('/Defs?$select=Id')).status).toBe(401);
			expect(pbx.stats.unauthorized).toBe(unauthorized + 2);
			accessToken = await token(pbx);
			for (let i = 0; i < 3; i++) expect((await xapi('/Defs?$select=Id')).status).toBe(200);
			expect(() => pbx.expireTokensAfter(-1)).toThrow(/non-negative integer/);
		});

		it('expires tokens after tokenLifetimeSeconds', async () => {
			const shortLived = await startFakePbx({ tokenLifetimeSeconds: 1, expiresInUnit: 'minutes' });
			try {
				const response = await mintToken(shortLived);
				const body = (await response.json()) as { access_token: string; expires_in: number };
				expect(body.expires_in).toBe(1);
				const get = () => fetch(`${shortLived.url}/xapi/v1/SystemStatus`, { headers: { Authorization: `Bearer ${body.access_token}` } });
				expect((await get()).status).toBe(200);
				await new Promise((resolve) => setTimeout(resolve, 1100));
				expect((await get()).status).toBe(401);
				expect(shortLived.stats.unauthorized).toBe(1);
			} finally {
				await shortLived.stop();
			}
		});
	});

	describe('entity sets', () => {
		it('creates, reads, updates and deletes a user', async () => {
			const created = await xapi('/Users', { method: 'POST', json: { FirstName: 'Test', LastName: 'Person', Number: '160', EmailAddress: 'test@example.com' } });
			expect(created.status).toBe(201);
			const user = (await created.json()) as PbxRecord;
			expect(user).toMatchObject({ Number: '160', FirstName: 'Test', DisplayName: 'Test Person', Enabled: true });
			expect(typeof user.Id).toBe('number');
			expect(created.headers.get('location')).toBe(`${pbx.url}/xapi/v1/Users(${user.Id})`);

			expect(await getJson(`/Users(${user.Id})`)).toMatchObject({ Id: user.Id, Number: '160' });

			const patched = await xapi(`/Users(${user.Id})`, { method: 'PATCH', json: { LastName: 'Renamed', Require2FA: true } });
			expect(patched.status).toBe(204);
			expect(await getJson(`/Users(${user.Id})`)).toMatchObject({ FirstName: 'Test', LastName: 'Renamed', Require2FA: true });

			expect((await xapi(`/Users(${user.Id})`, { method: 'DELETE' })).status).toBe(204);
			expect((await xapi(`/Users(${user.Id})`)).status).toBe(404);
		});

		it('assigns the first free extension number when none is given', async () => {
			const response = await xapi('/Users', { method: 'POST', json: { FirstName: 'Auto' } });
			const user = (await response.json()) as PbxRecord;
			expect(user.Number).toBe('150');
			await xapi(`/Users(${user.Id})`, { method: 'DELETE' });
		});

		it('answers a duplicate number with the exact 3CX error, across DN types', async () => {
			const duplicateUser = await xapi('/Users', { method: 'POST', json: { Number: '100' } });
			expect(duplicateUser.status).toBe(400);
			expect(await duplicateUser.json()).toEqual({
				error: {
					code: '',
					message: 'Number:\nWARNINGS.XAPI.ALREADY_IN_USE',
					details: [{ code: '', message: 'WARNINGS.XAPI.ALREADY_IN_USE', target: 'Number' }],
				},
			});
			const queueOnUserNumber = await xapi('/Queues', { method: 'POST', json: { Number: '101', Name: 'Clash' } });
			expect(queueOnUserNumber.status).toBe(400);
		});

		it('answers missing keys with a 404 XAPI error', async () => {
			for (const method of ['GET', 'PATCH', 'DELETE']) {
				const response = await xapi('/Users(99999)', { method, json: method === 'PATCH' ? { FirstName: 'x' } : undefined });
				expect(response.status).toBe(404);
				expect(await response.json()).toEqual({
					error: {
						code: '',
						message: 'Id:\nWARNINGS.XAPI.NOT_FOUND',
						details: [{ code: '', message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }],
					},
				});
			}
		});

		it('finds entities by alternate key, decoding quoted and percent-encoded literals', async () => {
			expect(await getJson(`/Users(Number=${literal('109')})`)).toMatchObject({ LastName: "O'Brien" });
			pbx.add('Users', { Number: "55'5", FirstName: 'Quote' });
			expect(await getJson(`/Users(Number=${literal("55'5")})`)).toMatchObject({ FirstName: 'Quote' });
			// The same literal written out by hand, as a client might send it.
			expect(await getJson("/Users(Number='55''5')")).toMatchObject({ FirstName: 'Quote' });
		});

		it('handles string keys with quotes (Backups)', async () => {
			const action = await xapi('/Backups/Pbx.Backup', { method: 'POST', json: { description: { Name: "O'Brien's backup" } } });
			expect(action.status).toBe(204);
			const list = await getJson(`/Backups?$filter=${encodeURIComponent("FileName eq 'O''Brien''s backup.zip'")}`);
			expect(list.value).toHaveLength(1);
			expect((await xapi(`/Backups(${literal("O'Brien's backup.zip")})`, { method: 'DELETE' })).status).toBe(204);
			expect((await getJson('/Backups')).value.map((b: { FileName: string }) => b.FileName)).not.toContain("O'Brien's backup.zip");
		});

		it('leaves navigation properties out unless expanded, and serves them as collections', async () => {
			const plain = await getJson('/Users(1)');
			expect(plain.Groups).toBeUndefined();
			const expanded = await getJson('/Users(1)?$expand=Groups&$select=Id,Number');
			expect(Object.keys(expanded).sort()).toEqual(['@odata.context', 'Groups', 'Id', 'Number']);
			expect(expanded.Groups[0]).toMatchObject({ GroupId: 1, Name: 'DEFAULT' });
			const groups = await getJson('/Users(1)/Groups?$count=true');
			expect(groups['@odata.count']).toBe(2);
		});

		it('updates singletons', async () => {
			expect((await xapi('/NotificationSettings', { method: 'PATCH', json: { EmailAddresses: 'ops@example.com' } })).status).toBe(204);
			expect(await getJson('/NotificationSettings')).toMatchObject({ EmailAddresses: 'ops@example.com', NotifySystemOwners: true });
		});
	});

	describe('query options', () => {
		it('pages with $top, $skip and $count', async () => {
			const page = await getJson('/Users?$top=10&$skip=5&$count=true&$orderby=Id');
			expect(page['@odata.context']).toBe(`${pbx.url}/xapi/v1/$metadata#Users`);
			expect(page['@odata.count']).toBe(pbx.state.Users.length);
			expect(page.value).toHaveLength(10);
			expect(page.value[0].Number).toBe('105');
			expect((await getJson('/Users')).value).toHaveLength(pbx.state.Users.length);
			expect((await getJson('/Users'))['@odata.count']).toBeUndefined();
		});

		it('selects and orders', async () => {
			const page = await getJson('/Users?$select=Number,LastName&$orderby=LastName desc,Number asc&$top=3');
			expect(Object.keys(page.value[0]).sort()).toEqual(['LastName', 'Number']);
			const names = page.value.map((u: { LastName: string }) => u.LastName);
			expect([...names].sort().reverse()).toEqual(names);
		});

		it.each([
			["Number eq '120'", 1],
			["Number ne '120'", 50],
			["Number ge '140' and Number lt '145'", 5],
			["contains(LastName,'Brien')", 1],
			["startswith(EmailAddress,'anna.') or Number eq '101'", 3],
			['Enabled eq false', 0],
			["Groups/any(g: g/GroupId eq 2)", 10],
		])('filters with %s', async (filter, expected) => {
			const page = await getJson(`/Users?$filter=${encodeURIComponent(filter)}&$count=true&$top=1`);
			expect(page['@odata.count']).toBe(expected);
		});

		it('filters on booleans and enum strings, matching the seeded data', async () => {
			const filter = "QueueStatus eq 'LoggedIn' and (IsRegistered eq true or not (Enabled eq true))";
			const expected = pbx.state.Users.filter((u) => u.QueueStatus === 'LoggedIn' && u.IsRegistered).length;
			expect(expected).toBeGreaterThan(0);
			const page = await getJson(`/Users?$filter=${encodeURIComponent(filter)}&$count=true`);
			expect(page['@odata.count']).toBe(expected);
		});

		it('filters on DateTimeOffset literals', async () => {
			const all = pbx.state.CallHistoryView.length;
			const page = await getJson(`/CallHistoryView?$filter=${encodeURIComponent('SegmentStartTime ge 2025-01-07T00:00:00Z')}&$count=true&$top=2`);
			expect(page['@odata.count']).toBeGreaterThan(0);
			expect(page['@odata.count']).toBeLessThan(all);
			expect(page.value[0].SegmentStartTime >= '2025-01-07').toBe(true);
		});

		it('searches case-insensitively, with or without double quotes', async () => {
			const plain = await getJson('/Users?$search=obrien&$count=true');
			const quoted = await getJson(`/Users?$search=${encodeURIComponent('"O\'BRIEN"')}&$count=true`);
			expect(plain['@odata.count']).toBe(1); // by e-mail address
			expect(quoted['@odata.count']).toBe(1); // by last name
		});

		it('rejects a malformed $filter with 400', async () => {
			const response = await xapi(`/Users?$filter=${encodeURIComponent("Number eq '1")}`);
			expect(response.status).toBe(400);
			expect(((await response.json()) as PbxRecord).error.message).toMatch(/not valid/);
		});
	});

	describe('functions and files', () => {
		it('lists monitor states with query options', async () => {
			const result = await getJson('/Users/Pbx.GetMonitorStatus()?$count=true&$top=5');
			expect(result['@odata.count']).toBe(1);
			expect(result.value[0]).toEqual({ DN: '103', Expiration: expect.any(Number) });
		});

		it('finds a user by number', async () => {
			expect(await getJson(`/Users/Pbx.GetByNumber(number=${literal('110')})`)).toMatchObject({ Number: '110', Id: 11 });
		});

		it('exports chat history as CSV in the client time zone', async () => {
			const response = await xapi(`/ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone=${literal('Europe/Berlin')})?$top=2`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="ChatHistory\.csv"/);
			const lines = (await response.text()).trim().split('\r\n');
			expect(lines).toHaveLength(3);
			expect(lines[0]).toContain('TimeSent');
			// 08:05 UTC on 6 January is 09:05 in Berlin.
			expect(lines[1]).toContain('2025-01-06 09:05:00');
			expect(pbx.stats.byRoute['GET /ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone={clientTimeZone})']).toBe(1);
		});

		it('answers a recording as a WAV file', async () => {
			const response = await xapi('/Recordings/Pbx.DownloadRecording(recId=3)');
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('audio/x-wav');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.wav"/);
			const wav = Buffer.from(await response.arrayBuffer());
			expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
			expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
			expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
			expect(wav.readUInt32LE(40)).toBeGreaterThanOrEqual(400);
			expect((await xapi('/Recordings/Pbx.DownloadRecording(recId=9999)')).status).toBe(404);
		});

		it('answers a backup as a ZIP file', async () => {
			const [backup] = pbx.state.Backups;
			const response = await xapi(`/Backups/Pbx.DownloadBackup(fileName=${literal(backup.FileName)})`);
			expect(response.headers.get('content-type')).toBe('application/zip');
			const zip = Buffer.from(await response.arrayBuffer());
			expect(zip.readUInt32LE(0)).toBe(0x04034b50);
			expect(zip.toString('utf8')).toContain('backup-info.txt');
		});

		it('reports the newest call and chat timestamps, following added records', async () => {
			const before = (await getJson('/LastCdrAndChatMessageTimestamp')).value[0];
			// 20.0.10: calls are in the call log, which follows CallHistoryView.
			expect(before.LastCdrStartedAt).toBe(pbx.state.CallLog.at(-1)?.StartTime);
			const row = pbx.addCall({ from: '100', to: '101' });
			pbx.add('ChatMessagesHistoryView', { Message: 'new message' });
			const after = (await getJson('/LastCdrAndChatMessageTimestamp')).value[0];
			expect(after.LastCdrStartedAt).toBe(row.StartTime);
			expect(after.LastChatMessageTimeSent > before.LastChatMessageTimeSent).toBe(true);
		});
	});

	describe('errors, faults and statistics', () => {
		it('answers unknown routes with a 404 XAPI error', async () => {
			const response = await xapi('/NoSuchSet');
			expect(response.status).toBe(404);
			expect(await response.json()).toMatchObject({ error: { code: '', message: expect.any(String), details: [] } });
		});

		it('injects failures for retry tests', async () => {
			pbx.failNext({ status: 503, retryAfter: 1, times: 2 });
			const first = await xapi('/Users?$top=1');
			expect(first.status).toBe(503);
			expect(first.headers.get('retry-after')).toBe('1');
			expect((await xapi('/Users?$top=1')).status).toBe(503);
			expect((await xapi('/Users?$top=1')).status).toBe(200);
		});

		it('runs request taps before answering, so records written meanwhile are in the answer', async () => {
			const seen: Array<{ route: string; query: Record<string, string> }> = [];
			const remove = pbx.onRequest('GET /EventLogs', (request) => {
				seen.push(request);
				pbx.add('EventLogs', { Message: 'written while paging' });
			});
			const body = await getJson(`/EventLogs?$orderby=Id desc&$top=1`);
			remove();
			await getJson('/EventLogs?$top=1');
			expect(seen).toEqual([{ route: 'GET /EventLogs', query: { $orderby: 'Id desc', $top: '1' } }]);
			expect(body.value[0].Message).toBe('written while paging');
		});

		it('has no LastCdrAndChatMessageTimestamp before 20.0.7, as 3CX had none', async () => {
			const older = await startFakePbx({ version: '20.0.6.908' });
			try {
				const response = await fetch(`${older.url}/connect/token`, { method: 'POST', body: new URLSearchParams(CLIENT) });
				const { access_token } = (await response.json()) as { access_token: string };
				const headers = { Authorization: `Bearer ${access_token}` };
				expect((await fetch(`${older.url}/xapi/v1/LastCdrAndChatMessageTimestamp`, { headers })).status).toBe(404);
				expect((await fetch(`${older.url}/xapi/v1/CallHistoryView?$top=1`, { headers })).status).toBe(200);
			} finally {
				await older.stop();
			}
		});

		it('counts requests by route template', async () => {
			pbx.resetStats();
			await xapi('/Users(5)');
			await xapi(`/Users(Number=${literal('104')})`);
			await xapi('/ActiveCalls?$top=1');
			expect(pbx.stats.requests).toBe(3);
			expect(pbx.stats.byRoute).toEqual({ 'GET /Users({Id})': 1, 'GET /Users(Number={Number})': 1, 'GET /ActiveCalls': 1 });
		});
	});

	it('serves a deep page of 100 000 call-history rows with the right count', async () => {
		const big = await startFakePbx({ callHistoryRows: 100_000 });
		try {
			const response = await fetch(`${big.url}/connect/token`, { method: 'POST', body: new URLSearchParams(CLIENT) });
			const { access_token } = (await response.json()) as { access_token: string };
			const page = await fetch(`${big.url}/xapi/v1/CallHistoryView?$top=1000&$skip=98000&$count=true`, {
				headers: { Authorization: `Bearer ${access_token}` },
			});
			const body = (await page.json()) as { '@odata.count': number; value: Array<{ SegmentId: number }> };
			expect(body['@odata.count']).toBe(100_000);
			expect(body.value[0].SegmentId).toBe(98_001);
		} finally {
			await big.stop();
		}
	});
});
