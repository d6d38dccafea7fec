// n8n in queue mode for real: Postgres and Redis (Debian's packages, scripts/n8n/services.js), the
// main process and 3 workers of the same n8n 2.41.1 as the other e2e suites, this package placed.
// Webhook executions on one 3CX credential against a fake PBX that keeps one live token per API
// client: shortened versions of the loads `npm run bench` measures (scripts/bench/queue-loads.js).
import { runLoad, startLoadTarget, type LoadResult, type LoadTarget, type QueueLoad } from '../../scripts/bench/queue-loads';

jest.setTimeout(600_000);

const WORKERS = 3;

let n8n: LoadTarget | undefined;

beforeAll(async () => {
	n8n = await startLoadTarget({ workers: WORKERS });
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
});

async function load(spec: QueueLoad): Promise<LoadResult> {
	if (!n8n) throw new Error('n8n did not start');
	const result = await runLoad(n8n, spec);
	console.log(`[queue e2e] ${spec.id}: ${JSON.stringify(result)}`);
	return result;
}

test('a burst on a fresh credential: every execution succeeds, at most two mints per worker', async () => {
	const result = await load({ id: 'burst', executions: 30, overMs: 0, tokenLifetimeSeconds: 3600 });
	expect(result.firstError).toBeUndefined();
	expect(result.failed).toBe(0);
	expect(result.mints).toBeGreaterThanOrEqual(1);
	// Each worker may mint for the empty credential. When the one whose token 3CX kept goes idle
	// before it could hand that token over, the others wait for it 6-9 s, then mint once more.
	expect(result.mints).toBeLessThanOrEqual(2 * WORKERS);
	// 401s are expected here: each try that waits for another worker's token costs one or two.
});

test('tokens expiring every 4 s under steady load: every execution succeeds, mints bounded, no 401 loop', async () => {
	const result = await load({ id: 'churn', executions: 60, overMs: 24_000, tokenLifetimeSeconds: 4 });
	expect(result.firstError).toBeUndefined();
	expect(result.failed).toBe(0);
	expect(result.mints).toBeLessThanOrEqual(result.mintBound);
	// Each expiry costs the requests in flight one 401 each, and a token replaced by another
	// worker's mint a few more; a livelock would refuse nearly every request.
	expect(result.unauthorized).toBeLessThan(result.ok);
});
