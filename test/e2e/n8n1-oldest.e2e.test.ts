// The lower end of the supported range (README: n8n versions): the oldest n8n whose n8n-workflow
// has NodeConnectionTypes. The package loads, its credential test passes and a read runs.
import { runtime } from '../../scripts/n8n';
import { credentialTestTests, loadedNodesTests, nodeJson, startE2eEnvironment, threeCxWorkflow, type E2eEnvironment } from './support';

jest.setTimeout(300_000);

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ runtime: 'n8n1oldest', callHistoryRows: 100 });
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

loadedNodesTests(() => env, runtime.versions.n8n1oldest);

credentialTestTests(() => env);

test('Users › Get Many with Return All outputs every user of the PBX', async () => {
	const run = await env.runWorkflow(threeCxWorkflow('e2eOldestUsers', { resource: 'users', operation: 'listUser', returnAll: true }));

	expect(nodeJson(run, '3CX').map((user) => user.Id)).toEqual(env.pbx.state.Users.map((user) => user.Id));
});
