// What a user does in Settings › Community nodes › Install: n8n's own installer fetches
// `n8n-nodes-3cx` BY NAME from an npm registry (verdaccio on 127.0.0.1, where the packed package
// was published), loads it without a restart, and after a restart loads it lazily from the
// manifests `npm run build` writes (dist/known, dist/types).
import { readFileSync } from 'fs';
import { join } from 'path';
import { ensureInstalled, publishPackage, startVerdaccio, type RunningRegistry } from '../../scripts/n8n';
import { nodeJson, PROJECT_ROOT, startE2eEnvironment, threeCxWorkflow, type E2eEnvironment } from './support';

jest.setTimeout(300_000);

const { name: PACKAGE, version: VERSION } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** Every node the build lists for n8n (dist/known), and the AI-tool variant n8n derives from the 3CX node. */
const KNOWN_NODES = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'known', 'nodes.json'), 'utf8')) as object);
const NODE_TYPES = [...KNOWN_NODES.map((node) => `${PACKAGE}.${node}`), `${PACKAGE}.threeCxTool`];
// n8n-core's LazyPackageDirectoryLoader logs one of these (debug) for every package at startup.
const LAZY_LOADED = `Lazy-loading nodes and credentials from ${PACKAGE}`;
const NOT_LAZY = "Can't enable lazy-loading";

const users = threeCxWorkflow('e2eInstalledUsers', { resource: 'users', operation: 'listUser', returnAll: true });

let registry: RunningRegistry;
let env: E2eEnvironment;

async function loadedTypes() {
	const [nodes, credentials] = await Promise.all([env.api.listNodeTypes(), env.api.listCredentialTypes()]);
	return { nodes: nodes.map((type) => type.name), credentials: credentials.map((type) => type.name) };
}

async function expectUsersWorkflowRuns() {
	const run = await env.runWorkflow(users);
	expect(nodeJson(run, '3CX').map((user) => user.Number)).toEqual(env.pbx.state.Users.map((user) => user.Number));
}

beforeAll(async () => {
	await ensureInstalled(['node24', 'n8n', 'verdaccio']);
	registry = await startVerdaccio();
	await publishPackage(PROJECT_ROOT, registry);
	// Debug logging shows n8n's lazy-loading decision at startup.
	env = await startE2eEnvironment({ registryUrl: registry.url, callHistoryRows: 100, env: { N8N_LOG_LEVEL: 'debug' } });
}, 600_000);

afterAll(async () => {
	await env?.stop();
	await registry?.stop();
});

test('before the install, n8n knows neither the node nor the credential', async () => {
	const { nodes, credentials } = await loadedTypes();
	expect(nodes).toContain('n8n-nodes-base.manualTrigger');
	expect(nodes.filter((name) => name.startsWith(`${PACKAGE}.`))).toEqual([]);
	expect(credentials).not.toContain('threeCxApi');
});

test('POST /rest/community-packages installs it by name; node types and credential load at once', async () => {
	const installed = await env.api.installCommunityPackage(PACKAGE);

	expect(installed).toMatchObject({ packageName: PACKAGE, installedVersion: VERSION });
	// The record lists node files; n8n derives the AI-tool variant (…Tool) when it loads them.
	expect(installed.installedNodes.map((node: { type: string }) => node.type).sort()).toEqual(KNOWN_NODES.map((node) => `${PACKAGE}.${node}`).sort());
	const onDisk = JSON.parse(readFileSync(join(env.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE, 'package.json'), 'utf8'));
	expect(onDisk).toMatchObject({ name: PACKAGE, version: VERSION });
	const { nodes, credentials } = await loadedTypes();
	expect(nodes).toEqual(expect.arrayContaining(NODE_TYPES));
	expect(credentials).toContain('threeCxApi');
	expect(await env.api.listCommunityPackages()).toEqual([expect.objectContaining({ packageName: PACKAGE, installedVersion: VERSION, failedLoading: false })]);
});

test('the installed node runs a workflow without a restart', async () => {
	await expectUsersWorkflowRuns();
});

test('after a restart n8n loads the package lazily from its manifests, and the node still runs', async () => {
	await env.restart();

	const log = env.n8n.log();
	expect(log).toContain(LAZY_LOADED);
	expect(log).not.toContain(NOT_LAZY);
	const { nodes, credentials } = await loadedTypes();
	expect(nodes).toEqual(expect.arrayContaining(NODE_TYPES));
	expect(credentials).toContain('threeCxApi');
	expect(await env.api.listCommunityPackages()).toEqual([expect.objectContaining({ packageName: PACKAGE, failedLoading: false })]);
	env.pbx.resetStats();
	await expectUsersWorkflowRuns();
	expect(env.pbx.stats.byRoute['GET /Users']).toBeGreaterThan(0);
});

test("n8n's debug log never shows the API key", () => {
	expect(env.n8n.log()).not.toContain('demo-secret');
});
