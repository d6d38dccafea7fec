import type { FakePbx } from '../fake-pbx';
import { ActiveTrigger, credentialsFor, startPbx } from './harness';

describe('3CX Trigger: state compared between polls', () => {
	let pbx: FakePbx;

	beforeEach(async () => (pbx = await startPbx()));
	afterEach(async () => await pbx.stop());

	const endCall = (id: unknown) => pbx.state.ActiveCalls.splice(pbx.state.ActiveCalls.findIndex((call) => call.Id === id), 1);

	it('Active Call Started: emits each call once when it appears, not the calls already up on activation', async () => {
		const trigger = new ActiveTrigger({ event: 'activeCallStarted' }, credentialsFor(pbx));
		expect(pbx.state.ActiveCalls).toHaveLength(3);
		expect(await trigger.poll()).toEqual([]);
		const call = pbx.add('ActiveCalls', { Caller: '100 Anna Schmidt', Callee: '+4930555', Status: 'Ringing' });
		expect(await trigger.poll()).toEqual([call]);
		endCall(pbx.state.ActiveCalls[0].Id);
		expect(await trigger.poll()).toEqual([]);
		const [second, third] = [pbx.add('ActiveCalls', { Status: 'Routing' }), pbx.add('ActiveCalls', { Status: 'Talking' })];
		expect(await trigger.poll()).toEqual([second, third]);
	});

	it('Active Call Ended: emits each call once, as last seen, when it leaves the active calls', async () => {
		const trigger = new ActiveTrigger({ event: 'activeCallEnded' }, credentialsFor(pbx));
		await trigger.poll();
		const call = pbx.add('ActiveCalls', { Caller: '100 Anna Schmidt', Callee: '101', Status: 'Ringing' });
		expect(await trigger.poll()).toEqual([]);
		call.Status = 'Talking';
		expect(await trigger.poll()).toEqual([]);
		const lastSeen = { ...call };
		endCall(call.Id);
		const [firstSeeded] = pbx.state.ActiveCalls;
		const firstSeededAsSeen = { ...firstSeeded };
		endCall(firstSeeded.Id);
		expect(await trigger.poll()).toEqual([firstSeededAsSeen, lastSeen]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('reads every active call once when many are up (paged on the key)', async () => {
		const trigger = new ActiveTrigger({ event: 'activeCallStarted' }, credentialsFor(pbx));
		await trigger.poll();
		const started = Array.from({ length: 620 }, () => pbx.add('ActiveCalls', { Status: 'Talking' }).Id);
		pbx.resetStats();
		expect((await trigger.poll()).map((call) => call.Id)).toEqual(started);
		// Pages of 100, the most a live PBX gives on an entity set: 7 pages and the empty one.
		expect(pbx.stats.byRoute['GET /ActiveCalls']).toBe(8);
	});

	it('pages at a lower $top limit the PBX names in its 400, and keeps it for that PBX', async () => {
		const strict = await startPbx({ topLimit: 40 });
		try {
			const trigger = new ActiveTrigger({ event: 'activeCallStarted' }, credentialsFor(strict));
			const tops: string[] = [];
			const stopListening = strict.onRequest('GET /ActiveCalls', ({ query }) => tops.push(query.$top));
			await trigger.poll();
			// The activation poll: 100 is refused once, then everything is asked for at 40.
			expect(tops[0]).toBe('100');
			expect(tops.slice(1).every((top) => top === '40')).toBe(true);
			tops.length = 0;
			const started = Array.from({ length: 90 }, () => strict.add('ActiveCalls', { Status: 'Talking' }).Id);
			expect((await trigger.poll()).map((call) => call.Id)).toEqual(started);
			// Later polls ask for 40 at once: pages of 40 over the 93 calls, and the empty page.
			expect(tops).toEqual(['40', '40', '40', '40']);
			stopListening();
		} finally {
			await strict.stop();
		}
	});

	describe('User Status Changed', () => {
		const user = (number: string) => pbx.state.Users.find((u) => u.Number === number)!;

		it('emits a user whose status profile changed, with the previous value; other fields only when watched', async () => {
			const trigger = new ActiveTrigger({ event: 'userStatusChanged' }, credentialsFor(pbx));
			expect(await trigger.poll()).toEqual([]);
			user('103').CurrentProfileName = 'Away';
			user('104').IsRegistered = !user('104').IsRegistered;
			const [change, ...rest] = await trigger.poll();
			expect(rest).toEqual([]);
			expect(change).toMatchObject({
				Id: user('103').Id,
				Number: '103',
				DisplayName: user('103').DisplayName,
				CurrentProfileName: 'Away',
				changedFields: ['CurrentProfileName'],
				previous: { CurrentProfileName: 'Available' },
			});
			expect(await trigger.poll()).toEqual([]);
		});

		it('watches queue login and phone registration when chosen, for the given extensions only', async () => {
			const trigger = new ActiveTrigger({ event: 'userStatusChanged', watch: ['QueueStatus', 'IsRegistered'], numbers: '100,101' }, credentialsFor(pbx));
			await trigger.poll();
			const wasRegistered = user('101').IsRegistered;
			user('100').QueueStatus = 'LoggedOut';
			user('101').IsRegistered = !wasRegistered;
			user('101').CurrentProfileName = 'Lunch';
			user('102').QueueStatus = 'LoggedOut';
			const changes = await trigger.poll();
			expect(changes.map((c) => [c.Number, c.changedFields, c.previous])).toEqual([
				['100', ['QueueStatus'], { QueueStatus: 'LoggedIn' }],
				['101', ['IsRegistered'], { IsRegistered: wasRegistered }],
			]);
		});

		it('says which field is wrong when nothing is watched, before sending anything', async () => {
			const trigger = new ActiveTrigger({ event: 'userStatusChanged', watch: [] }, credentialsFor(pbx));
			await expect(trigger.poll()).rejects.toThrow('Watch: choose at least one of Status Profile, Queue Status, Phone Registration');
			expect(pbx.stats.requests).toBe(0);
		});
	});
});
