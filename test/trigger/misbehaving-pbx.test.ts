import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { TestCredentialsHelper } from '../helpers/credentials';
import { ActiveTrigger } from './harness';

// A PBX (or a proxy before it) that ignores $orderby: only nock can answer that badly.
const PBX = 'https://pbx.misbehaving.test';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});

it('refuses a page out of key order instead of skipping or repeating records', async () => {
	forgetTokens();
	const scope = nock(PBX)
		.post('/connect/token')
		.reply(200, { access_token: 'token-1', expires_in: 3600, token_type: 'Bearer' })
		.get('/xapi/v1/EventLogs')
		.query({ $orderby: 'Id desc', $top: '1', $select: 'Id' })
		.reply(200, { value: [{ Id: 10 }] })
		.get('/xapi/v1/EventLogs')
		.query({ $filter: 'Id gt 10', $orderby: 'Id asc', $top: '100' })
		.reply(200, { value: [{ Id: 13 }, { Id: 11 }, { Id: 12 }] });
	const trigger = new ActiveTrigger({ event: 'eventLog' }, new TestCredentialsHelper({ url: PBX, clientId: 'n8n', apiKey: 'secret' }));
	expect(await trigger.poll()).toEqual([]);
	await expect(trigger.poll()).rejects.toThrow('3CX did not answer /EventLogs in Id order after 10, so the trigger cannot tell what is new');
	expect(trigger.cursor.last).toBe(10);
	expect(scope.isDone()).toBe(true);
});

it('reports an answer that is not JSON as the node\'s API error, without the body', async () => {
	forgetTokens();
	const scope = nock(PBX)
		.post('/connect/token')
		.reply(200, { access_token: 'token-1', expires_in: 3600, token_type: 'Bearer' })
		.get('/xapi/v1/EventLogs')
		.query(true)
		.reply(200, '<html>proxy login, session=abc123</html>', { 'Content-Type': 'application/json' });
	const trigger = new ActiveTrigger({ event: 'eventLog' }, new TestCredentialsHelper({ url: PBX, clientId: 'n8n', apiKey: 'secret' }));
	const error = await trigger.poll().then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).message).toBe('3CX answered HTTP 200 with a body that is not valid JSON');
	expect(JSON.stringify(error)).not.toContain('abc123');
	expect(scope.isDone()).toBe(true);
});
