import { reconnectTiming } from '../../nodes/ThreeCxCallEvents/stream';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { waitsAdvanceTokenClock } from '../helpers/tokenTime';
import { startFakePbx, type FakePbx } from '../fake-pbx';
import { ActiveCallEvents, brief, credentialsFor, until } from './harness';

/**
 * The 3CX Call Events Trigger on n8n-core's trigger runner against the fake PBX's Call Control
 * WebSocket. Needs a global WebSocket: Node 22+, or Node 20 with --experimental-websocket
 * (npm test passes it).
 */
let pbx: FakePbx;
let trigger: ActiveCallEvents | undefined;
const timing = { ...reconnectTiming };

beforeAll(() => Object.assign(reconnectTiming, { firstDelayMs: 40, maxDelayMs: 320, openTimeoutMs: 1234 }));
afterAll(() => Object.assign(reconnectTiming, timing));
beforeEach(async () => {
	forgetTokens();
	pbx = await startFakePbx({ port: 0, clientId: 'demo', clientSecret: 'demo-secret', callHistoryRows: 10 });
});
afterEach(async () => {
	await trigger?.deactivate();
	trigger = undefined;
	await pbx.stop();
});

async function activate(parameters: Record<string, unknown> = {}): Promise<ActiveCallEvents> {
	trigger = new ActiveCallEvents({ events: ['ringing', 'dialing', 'answered', 'ended'], dns: '', ...parameters }, credentialsFor(pbx));
	await trigger.activate();
	return trigger;
}

const cc = () => pbx.callControl;
const realSetTimeout = global.setTimeout;

test('a global WebSocket is there (Node 22+, or Node 20 with --experimental-websocket as npm test runs it)', () => {
	expect(typeof (globalThis as { WebSocket?: unknown }).WebSocket).toBe('function');
});

describe('call events, in order', () => {
	test('an inbound call: ringing → answered → ended, with who, numbers, direction and duration', async () => {
		const t = await activate();
		const call = cc().inbound({ from: '+491701234567', to: '100', did: '+4930123451', name: 'Erika Mustermann' });
		await t.waitFor(1);
		cc().answer(call);
		await t.waitFor(2);
		cc().hangUp(call);
		const [ringing, answered, ended] = await t.waitFor(3);
		expect([ringing, answered, ended].map(brief)).toEqual(['ringing 100', 'answered 100', 'ended 100']);
		expect(ringing).toMatchObject({
			event: 'ringing',
			dn: '100',
			callId: call,
			direction: 'inbound',
			from: '+491701234567',
			to: '100',
			partyName: 'Erika Mustermann',
			did: '+4930123451',
			external: true,
			status: 'Ringing',
			answeredAt: null,
			caughtUp: false,
		});
		expect(ringing.raw).toEqual({
			sequence: expect.any(Number),
			event: { event_type: 0, entity: `/callcontrol/100/participants/${String(ringing.participantId)}`, attached_data: null },
			participant: expect.objectContaining({ status: 'Ringing', party_caller_id: '+491701234567' }),
		});
		expect(answered).toMatchObject({ event: 'answered', status: 'Connected', answeredAt: expect.any(String) });
		expect(ended).toMatchObject({ event: 'ended', missed: false, durationSeconds: expect.any(Number), endedAt: expect.any(String) });
		expect((ended.raw as { event: { event_type: number } }).event.event_type).toBe(1);
	});

	test('a missed call ends unanswered, without a duration', async () => {
		const t = await activate();
		const call = cc().inbound({ from: '+4930999', to: '101' });
		await t.waitFor(1);
		cc().hangUp(call);
		const [, ended] = await t.waitFor(2);
		expect(ended).toMatchObject({ event: 'ended', dn: '101', missed: true, durationSeconds: null, from: '+4930999' });
	});

	test('an outbound call dials from the DN to the number', async () => {
		const t = await activate();
		cc().outbound({ from: '102', to: '+4989123' });
		const [dialing] = await t.waitFor(1);
		expect(dialing).toMatchObject({ event: 'dialing', dn: '102', direction: 'outbound', from: '102', to: '+4989123' });
	});

	test('a transfer ends the call at one DN and rings the next', async () => {
		const t = await activate();
		const call = cc().inbound({ from: '+4930111', to: '100' });
		await t.waitFor(1);
		cc().answer(call);
		await t.waitFor(2);
		cc().transfer(call, '101');
		await t.waitFor(4);
		cc().answer(call);
		const events = await t.waitFor(5);
		expect(events.map(brief)).toEqual(['ringing 100', 'answered 100', 'ended 100', 'ringing 101', 'answered 101']);
		expect(events[3]).toMatchObject({ from: '+4930111', raw: { participant: expect.objectContaining({ referred_by_dn: '100' }) } });
	});

	test('chosen DNs and events only; DTMF and participant changes when asked for', async () => {
		const t = await activate({ dns: '101, 102', events: ['ended', 'dtmf'] });
		const at100 = cc().inbound({ from: '+1', to: '100' });
		const at101 = cc().inbound({ from: '+2', to: '101' });
		cc().dtmf(at101, '42#');
		cc().hangUp(at100);
		cc().hangUp(at101);
		const events = await t.waitFor(2);
		expect(events.map(brief)).toEqual(['dtmf 101', 'ended 101']);
		expect(events[0]).toMatchObject({ digits: '42#', raw: { event: { event_type: 2, attached_data: { dtmf_input: '42#' } } } });
		// Nothing for DN 100 was even read.
		expect(cc().requests.filter((r) => r.path.startsWith('/callcontrol/100'))).toEqual([]);
	});

	test('a call that starts the moment the socket opens is an event, once', async () => {
		const callControl = cc() as unknown as { attach(socket: unknown, token: string): () => void };
		const attach = callControl.attach.bind(callControl);
		callControl.attach = (socket, token) => {
			const detach = attach(socket, token);
			cc().inbound({ from: '+4930555', to: '100' });
			return detach;
		};
		const t = await activate();
		await t.waitFor(1);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(t.emitted.map((e) => [e.event, e.dn, e.from])).toEqual([['ringing', '100', '+4930555']]);
	});

	test('calls in progress at activation are the starting point, not events', async () => {
		const before = cc().inbound({ from: '+1', to: '100' });
		const t = await activate();
		cc().answer(before);
		const call = cc().inbound({ from: '+2', to: '101' });
		await t.waitFor(2);
		expect(t.emitted.map(brief)).toEqual(['answered 100', 'ringing 101']);
		expect(call).toBeGreaterThan(before);
	});
});

describe('reconnecting', () => {
	test('after a dropped socket it reconnects, and what happened meanwhile is caught up from the participants', async () => {
		const t = await activate();
		const ringingBefore = cc().inbound({ from: '+1', to: '100' });
		const endsMeanwhile = cc().inbound({ from: '+2', to: '101' });
		await t.waitFor(2);
		cc().dropSockets();
		// While the trigger is disconnected: one call answered, one ended, a new one rings.
		cc().answer(ringingBefore);
		cc().hangUp(endsMeanwhile);
		const startsMeanwhile = cc().inbound({ from: '+3', to: '102' });
		const caughtUp = await t.waitFor(5);
		expect(caughtUp.slice(2).map(brief).sort()).toEqual(['answered 100 (caught up)', 'ended 101 (caught up)', 'ringing 102 (caught up)']);
		expect(caughtUp.find((e) => e.dn === '101' && e.event === 'ended')).toMatchObject({ missed: true });
		// And live again: the new call goes on normally.
		cc().answer(startsMeanwhile);
		await t.waitFor(6);
		cc().hangUp(startsMeanwhile);
		expect((await t.waitFor(7)).slice(5).map(brief)).toEqual(['answered 102', 'ended 102']);
		expect(cc().sockets.size).toBe(1);
	});

	test('after a PBX restart a call that rang while it was down is not lost', async () => {
		const t = await activate();
		await pbx.down();
		const call = cc().inbound({ from: '+4940555', to: '100' });
		await new Promise((resolve) => setTimeout(resolve, 600)); // several failed reconnects
		await pbx.up();
		const [ringing] = await t.waitFor(1);
		expect(ringing).toMatchObject({ event: 'ringing', dn: '100', from: '+4940555', caughtUp: true, direction: 'inbound' });
		cc().answer(call);
		await t.waitFor(2);
		cc().hangUp(call);
		expect((await t.waitFor(3)).map(brief)).toEqual(['ringing 100 (caught up)', 'answered 100', 'ended 100']);
		expect(t.errors).toEqual([]);
	});

	test('a revoked token is re-minted once through the shared token, and the events go on', async () => {
		const undo = waitsAdvanceTokenClock();
		try {
			const t = await activate();
			expect(pbx.stats.mints).toBe(1);
			const snapshots = () => cc().requests.filter((r) => r.method === 'GET' && r.path === '/callcontrol').length;
			const before = snapshots();
			pbx.expireTokens(); // the fake closes the socket of a revoked token
			await until(() => cc().sockets.size === 0);
			// Reconnected: the upgrade refused, the REST probe gets a new token from n8n, the socket, the catch-up read.
			await until(() => cc().sockets.size === 1 && snapshots() === before + 2);
			expect(pbx.stats.mints).toBe(2);
			cc().inbound({ from: '+1', to: '100' });
			expect((await t.waitFor(1)).map(brief)).toEqual(['ringing 100']);
		} finally {
			undo();
		}
	});

	test('a token 3CX keeps revoking is an error for n8n, not a loop of new tokens', async () => {
		const undo = waitsAdvanceTokenClock();
		try {
			const t = await activate();
			for (let round = 0; round < 6 && t.errors.length === 0; round++) {
				const mints = pbx.stats.mints;
				pbx.expireTokens();
				await until(() => pbx.stats.mints > mints || t.errors.length > 0);
				await until(() => cc().sockets.size === 1 || t.errors.length > 0);
			}
			expect(t.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^3CX rejected the credential again and again/)]);
			const shown = JSON.stringify({ ...t.errors[0], message: t.errors[0].message, description: (t.errors[0] as { description?: string }).description });
			expect(shown).not.toContain('demo-secret');
			expect(shown).not.toMatch(/Bearer|eyJ/);
			expect(pbx.stats.mints).toBe(5); // the first token, 3 renewals the socket used, and the 4th that ends it
			expect(cc().sockets.size).toBe(0);
		} finally {
			undo();
		}
	});
});

describe('activation and deactivation', () => {
	test('deactivating closes the socket and ends every wait, even while it waits to reconnect', async () => {
		const t = await activate();
		expect(cc().sockets.size).toBe(1);
		await t.deactivate();
		await until(() => cc().sockets.size === 0);

		const waiting = await activate();
		const requests = () => pbx.stats.requests;
		await pbx.down();
		// Down, the trigger retries with backoff (40 ms doubling to 320 ms here): deactivate meanwhile.
		await new Promise((resolve) => realSetTimeout(resolve, 200));
		await waiting.deactivate();
		trigger = undefined;
		const after = requests();
		await pbx.up();
		// Longer than the longest wait: a reconnect still pending would have tried by now.
		await new Promise((resolve) => realSetTimeout(resolve, 800));
		expect(cc().sockets.size).toBe(0);
		expect(requests()).toBe(after);
	});

	test('the activation fails with 3CX’s reason when the client has no Call Control access', async () => {
		pbx.failNext({ status: 403, route: 'GET /callcontrol', times: 3 });
		const error = await activate().then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('3CX refused Call Control — the API client has no Call Control access');
		expect(error?.description).toContain('tick "3CX Call Control API Access"');
		trigger = undefined;
		await until(() => cc().sockets.size === 0);
	});

	test('a wrong API key fails the activation after one token request', async () => {
		trigger = new ActiveCallEvents({ events: ['ringing'] }, credentialsFor(pbx, { apiKey: 'wrong' }));
		await expect(trigger.activate()).rejects.toThrow('3CX rejected the credential');
		expect(pbx.stats.rejectedMints).toBe(1);
		trigger = undefined;
	});

	test('on a Node.js without a built-in WebSocket the activation says what it needs', async () => {
		const builtIn = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
		Object.defineProperty(globalThis, 'WebSocket', { value: undefined, configurable: true, writable: true });
		try {
			const error = await activate().then(
				() => undefined,
				(e: Error) => e,
			);
			expect(error?.message).toMatch(/has no built-in WebSocket: the 3CX Call Events Trigger needs Node\.js 22 or later/);
			expect(pbx.stats.requests).toBe(0);
		} finally {
			if (builtIn) Object.defineProperty(globalThis, 'WebSocket', builtIn);
			trigger = undefined;
		}
	});

	test('manual mode: the editor’s test event is the next call event', async () => {
		trigger = new ActiveCallEvents({ events: ['ringing', 'answered', 'ended'] }, credentialsFor(pbx));
		const response = await trigger.activate('manual');
		cc().inbound({ from: '+4930777', to: '101' });
		const [[item]] = (await response!.manualTriggerResponse!) as Array<Array<{ json: Record<string, unknown> }>>;
		expect(item.json).toMatchObject({ event: 'ringing', dn: '101', from: '+4930777' });
	});
});
