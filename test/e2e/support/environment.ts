// One real-n8n environment per test suite: the fake PBX, and n8n 2.41.1 (`n8n start`) on a new
// user folder holding this project's packed package, laid out as n8n's community-package
// installer does, with the owner set up and a 3CX credential pointing at the fake PBX.
// Workflows run as manual executions through n8n's REST API (what the editor's "Execute
// workflow" does), or with `n8n execute --id` on the same folder.
import { readdirSync, rmSync, statSync } from 'fs';
import { join } from 'path';
import {
	ensureInstalled,
	executeWorkflow,
	login,
	makeTempUserFolder,
	placePackage,
	setupOwner,
	startN8n,
	startN8nWithRegistry,
	type CliOptions,
	type N8nClient,
	type N8nRuntimeName,
	type RunningN8n,
	type WorkflowRun,
} from '../../../scripts/n8n';
import { startFakePbx, type FakePbx, type FakePbxOptions } from '../../fake-pbx';
import { failedRunError, runStoredWorkflow } from './rest-runs';
import { binaryContent, type BinaryData } from './runs';
import { E2E_CREDENTIAL, type E2eWorkflow } from './workflows';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
export const PBX_CLIENT = { clientId: 'demo', clientSecret: 'demo-secret' };

export interface E2eOptions {
	/** Rows of the fake PBX's CallHistoryView (default 6000). */
	callHistoryRows?: number;
	tokenLifetimeSeconds?: number;
	/** Any other fake-PBX option; client id and secret stay demo / demo-secret. */
	pbx?: FakePbxOptions;
	/** Extra environment for n8n (server and CLI), e.g. { N8N_LOG_LEVEL: 'debug' }. */
	env?: Record<string, string>;
	/** Accepted for older callers: the n8n server always runs. */
	server?: boolean;
	/**
	 * Install-by-name tests: n8n installs community packages from this registry (verdaccio) and
	 * this project is NOT placed in the user folder; the test installs it through n8n.
	 */
	registryUrl?: string;
	/** Which n8n: 'n8n' (2.x, default), 'n8n1' (the newest 1.x) or 'n8n1oldest' (the oldest supported); see scripts/n8n/runtime.js. */
	runtime?: N8nRuntimeName;
}

export interface RunOptions {
	/** 'rest' (default): a manual execution through the REST API; 'cli': `n8n execute --id`. */
	via?: 'rest' | 'cli';
	timeoutMs?: number;
}

export interface E2eEnvironment {
	pbx: FakePbx;
	/** The running server (a new one after restart()). */
	readonly n8n: RunningN8n;
	/** The owner's logged-in REST client (a new one after restart()). */
	readonly api: N8nClient;
	userFolder: string;
	/** `{ userFolder, env }` for the CLI helpers of scripts/n8n (runCli, executeWorkflow …). */
	cli: CliOptions;
	/**
	 * The 3CX credential (fake PBX); workflows referring to E2E_CREDENTIAL get this one. With
	 * registryUrl it is created when the first workflow is stored (after the install).
	 */
	readonly credential: { id: string; name: string };
	readonly credentialId: string;
	/** Creates any credential through the REST API. */
	createCredential(type: string, name: string, data: Record<string, unknown>): Promise<{ id: string; name: string }>;
	/** Stores workflows not stored yet (by id); a changed workflow must get a new id. */
	saveWorkflows(workflows: E2eWorkflow[]): Promise<void>;
	/** Stores the workflow if needed and runs it; rejects when it does not succeed (error.run = the run). */
	runWorkflow(workflow: E2eWorkflow, options?: RunOptions): Promise<WorkflowRun>;
	/** Like runWorkflow for a workflow that must fail: resolves with the failed run, rejects if it succeeded. */
	runFailingWorkflow(workflow: E2eWorkflow, options?: RunOptions): Promise<WorkflowRun>;
	/** The bytes of a binary property of an output item. */
	binaryContent(binary: BinaryData): Buffer;
	/** Stops n8n and starts it again on the same folder (same options), logged in again. */
	restart(): Promise<void>;
	/** Stops n8n and the fake PBX and deletes the user folder. Safe to call twice. */
	stop(): Promise<void>;
}

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** placePackage checks that dist exists; a build older than the sources tests old code. */
function warnIfBuildIsStale(): void {
	const built = statSync(join(PROJECT_ROOT, 'dist', 'known', 'nodes.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
	const sources = Math.max(newestMtime(join(PROJECT_ROOT, 'nodes')), newestMtime(join(PROJECT_ROOT, 'credentials')));
	if (built < sources) console.warn('[e2e] dist/ is older than nodes/ or credentials/: run `npm run build` to test the current code');
}

/** The workflow with its E2E_CREDENTIAL references pointing at the environment's credential. */
function withCredential(workflow: E2eWorkflow, credential: { id: string; name: string }): E2eWorkflow {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.threeCxApi?.id === E2E_CREDENTIAL.id ? { ...node, credentials: { ...node.credentials, threeCxApi: credential } } : node,
		),
	};
}

export async function startE2eEnvironment(options: E2eOptions = {}): Promise<E2eEnvironment> {
	const runtime = options.runtime ?? 'n8n';
	await ensureInstalled(['node24', runtime]);
	warnIfBuildIsStale();
	const stoppers: Array<() => Promise<unknown>> = [];
	// Last in, first out: n8n stops before its folder is deleted.
	const stop = async () => {
		for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch(() => undefined);
	};
	try {
		const pbx = await startFakePbx({
			...options.pbx,
			port: 0,
			...PBX_CLIENT,
			...(options.callHistoryRows !== undefined ? { callHistoryRows: options.callHistoryRows } : {}),
			...(options.tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
		});
		stoppers.push(() => pbx.stop());
		const userFolder = makeTempUserFolder();
		stoppers.push(async () => rmSync(userFolder, { recursive: true, force: true }));
		if (!options.registryUrl) await placePackage(PROJECT_ROOT, userFolder);
		const { registryUrl, env } = options;
		// A new folder's first start runs n8n's migrations: minutes when other n8n processes compete for the CPU.
		const timeoutMs = 360_000;
		const startServer = () =>
			registryUrl ? startN8nWithRegistry({ userFolder, env, registryUrl, timeoutMs, runtime }) : startN8n({ userFolder, env, timeoutMs, runtime });
		let server = await startServer();
		stoppers.push(() => server.stop());
		let api = await setupOwner(server.url);
		const cli: CliOptions = { userFolder, env, runtime };

		const createCredential = async (type: string, name: string, data: Record<string, unknown>) => {
			const created = await api.post<{ id: string; name: string }>('/rest/credentials', { type, name, data });
			return { id: created.id, name: created.name };
		};
		// With registryUrl the credential type exists only once the test installed the package.
		let credential: { id: string; name: string } | undefined;
		const ensureCredential = async () =>
			(credential ??= await createCredential('threeCxApi', E2E_CREDENTIAL.name, {
				url: pbx.url,
				clientId: PBX_CLIENT.clientId,
				apiKey: PBX_CLIENT.clientSecret,
				ignoreSslIssues: false,
			}));
		if (!registryUrl) await ensureCredential();

		// n8n 2.x keeps a new workflow's id; 1.x gives it one of its own.
		const saved = new Map<string, { json: string; storedId: string }>();
		const saveWorkflows = async (workflows: E2eWorkflow[]) => {
			for (const workflow of workflows) {
				const json = JSON.stringify(workflow);
				if (saved.get(workflow.id)?.json === json) continue;
				if (saved.has(workflow.id)) throw new Error(`workflow ${workflow.id} changed after it was stored: give the new version its own id`);
				const stored = await api.post<{ id: string }>('/rest/workflows', withCredential(workflow, await ensureCredential()));
				saved.set(workflow.id, { json, storedId: stored.id });
			}
		};
		/** The workflow as n8n stored it: its id, the environment's credential. */
		const asStored = async (workflow: E2eWorkflow) => ({ ...withCredential(workflow, await ensureCredential()), id: saved.get(workflow.id)!.storedId });
		const run = async (workflow: E2eWorkflow, { via = 'rest', timeoutMs = 300_000 }: RunOptions = {}) => {
			await saveWorkflows([workflow]);
			if (via === 'cli') {
				try {
					return { ok: true, run: await executeWorkflow((await asStored(workflow)).id, { ...cli, timeoutMs }) };
				} catch (error) {
					if (error.run) return { ok: false, run: error.run as WorkflowRun };
					throw error;
				}
			}
			const result = await runStoredWorkflow(api, await asStored(workflow), timeoutMs);
			return { ok: result.status === 'success', run: result };
		};

		return {
			pbx,
			get n8n() {
				return server;
			},
			get api() {
				return api;
			},
			userFolder,
			cli,
			get credential() {
				if (!credential) throw new Error('no 3CX credential yet: it is created with the first stored workflow once the package is installed');
				return credential;
			},
			get credentialId() {
				if (!credential) throw new Error('no 3CX credential yet');
				return credential.id;
			},
			createCredential,
			saveWorkflows,
			async runWorkflow(workflow, runOptions) {
				const { ok, run: result } = await run(workflow, runOptions);
				if (!ok) throw failedRunError(workflow.id, result);
				return result;
			},
			async runFailingWorkflow(workflow, runOptions) {
				const { ok, run: result } = await run(workflow, runOptions);
				if (ok) throw new Error(`workflow ${workflow.id} succeeded, but it should have failed`);
				return result;
			},
			binaryContent: (binary) => binaryContent(binary, userFolder),
			async restart() {
				await server.stop();
				server = await startServer();
				api = await login(server.url);
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
