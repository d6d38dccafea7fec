// The package on n8n 1.x (the newest 1.x, scripts/n8n/runtime.js): installed as n8n's installer
// lays it out, the credential test, the five seed operations, downloads as binary data and a
// token expiring mid-run — the same tests the n8n 2.x suites run.
import { runtime } from '../../scripts/n8n';
import { CALL_HISTORY_ROWS, credentialTestTests, loadedNodesTests, prepareSeedTests, seedOperationTests, startE2eEnvironment, type E2eEnvironment } from './support';

jest.setTimeout(300_000);

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ runtime: 'n8n1', callHistoryRows: CALL_HISTORY_ROWS });
	await prepareSeedTests(env);
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

beforeEach(() => env.pbx.resetStats());

loadedNodesTests(() => env, runtime.versions.n8n1);

credentialTestTests(() => env);

seedOperationTests(() => env);
