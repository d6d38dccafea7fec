import nock from 'nock';
import { forgetTokens } from '../../nodes/ThreeCx/transport/token';
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
