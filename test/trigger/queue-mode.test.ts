import type { FakePbx } from '../fake-pbx';
import { processesSharing } from '../helpers/processes';
import { runThreeCx } from '../helpers/workflow';
import { ActiveTrigger, startPbx } from './harness';

// n8n's queue mode polls triggers in the main process and runs executions in workers: the 3CX
// Trigger and the 3CX node of the workers share one credential, so one token.

jest.setTimeout(60_000);

let pbx: FakePbx;
beforeEach(async () => {
	pbx = await startPbx({ tokenLifetimeSeconds: 3 });
});
afterEach(async () => await pbx.stop());

const getManyUsers = { resource: 'users', operation: 'listUser', returnAll: false, limit: 5 };

test('the trigger in the main process and the node in two workers share one token, also across an expiry', async () => {
	const [main, ...workers] = processesSharing(3, { url: pbx.url, clientId: 'demo', apiKey: 'demo-secret', allowUnauthorizedCerts: false });
	const trigger = new ActiveTrigger({ event: 'callRecord' }, main);
	await trigger.poll();
	const executions = () => workers.flatMap((credentialsHelper) => [1, 2, 3].map(() => runThreeCx(getManyUsers, { credentialsHelper })));
	const first = await Promise.all(executions());
	expect(first.filter((run) => run.error)).toEqual([]);
	expect(pbx.stats.mints).toBe(1);

	for (let expiry = 1; expiry <= 2; expiry++) {
		await new Promise((resolve) => setTimeout(resolve, 3_100)); // the token's lifetime ran out
		pbx.resetStats();
		const [, ...runs] = await Promise.all([trigger.poll(), ...executions()]);
		expect(runs.filter((run) => run.error)).toEqual([]);
		expect(pbx.stats.mints).toBeGreaterThanOrEqual(1);
		expect(pbx.stats.mints).toBeLessThanOrEqual(3);
	}
});
