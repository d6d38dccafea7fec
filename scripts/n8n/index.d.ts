// Types for the CommonJS helpers in this folder, for tests written in TypeScript.

export interface ProcessResult {
	stdout: string;
	stderr: string;
	output: string;
	seconds: number;
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface N8nOptions {
	/** Holds .n8n/ (sqlite db, encryption key, community packages). Default: new temp folder, deleted by stop(). */
	userFolder?: string;
	/** Default: a free port. */
	port?: number;
	/** N8N_CUSTOM_EXTENSIONS: node files found there are typed `CUSTOM.<node>`. */
	customExtensionsDir?: string;
	/** Extra environment for n8n; wins over the defaults. */
	env?: Record<string, string>;
	/** Copy n8n's output to this process's stdout/stderr. */
	echo?: boolean;
	/** How long to wait for /healthz/readiness. Default 120 s. */
	timeoutMs?: number;
	/** Which install runs: 'n8n' (2.x, default) or 'n8n1' (the newest 1.x). */
	runtime?: N8nRuntimeName;
}

export type N8nRuntimeName = 'n8n' | 'n8n1' | 'n8n1oldest';

export interface RunningN8n {
	url: string;
	port: number;
	userFolder: string;
	stop(): Promise<void>;
	log(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface CliOptions {
	userFolder: string;
	customExtensionsDir?: string;
	env?: Record<string, string>;
	timeoutMs?: number;
	runtime?: N8nRuntimeName;
}

/** n8n's IRun, loosely typed. */
export interface WorkflowRun {
	status: string;
	finished: boolean;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
			error?: { message: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

export function ensureInstalled(parts?: Array<'node24' | 'node22' | N8nRuntimeName | 'verdaccio' | 'playwright'>): Promise<Record<string, string>>;

export function startN8n(options?: N8nOptions): Promise<RunningN8n>;
export function startN8nWithRegistry(options: N8nOptions & { registryUrl: string }): Promise<RunningN8n>;
export function runCli(args: string[], options: CliOptions): Promise<ProcessResult>;
export function importWorkflow(workflow: object | object[] | string, options: CliOptions): Promise<ProcessResult>;
export function importCredentials(credentials: object[] | string, options: CliOptions): Promise<ProcessResult>;
/** Rejects when the workflow fails; the error then carries `run`. */
export function executeWorkflow(id: string, options: CliOptions): Promise<WorkflowRun>;
export function nodeOutput(run: WorkflowRun, nodeName: string): Array<Record<string, unknown>>;
export function n8nEnv(options: {
	userFolder: string;
	port?: number;
	brokerPort: number;
	customExtensionsDir?: string;
	env?: Record<string, string>;
}): Record<string, string>;
export function makeTempUserFolder(): string;

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}
export const DEFAULT_OWNER: Owner;

export interface N8nClient {
	url: string;
	cookie: string;
	get<T = any>(path: string): Promise<T>;
	post<T = any>(path: string, body?: unknown): Promise<T>;
	patch<T = any>(path: string, body?: unknown): Promise<T>;
	delete<T = any>(path: string): Promise<T>;
	installCommunityPackage(name: string, version?: string): Promise<any>;
	listCommunityPackages(): Promise<Array<{ packageName: string; installedVersion: string; failedLoading?: boolean; installedNodes: any[] }>>;
	uninstallCommunityPackage(name: string): Promise<void>;
	listNodeTypes(): Promise<Array<{ name: string; version: number | number[]; [key: string]: unknown }>>;
	listCredentialTypes(): Promise<Array<{ name: string; [key: string]: unknown }>>;
}
export function setupOwner(url: string, owner?: Owner): Promise<N8nClient>;
export function login(url: string, credentials?: { email: string; password: string }): Promise<N8nClient>;
export function client(url: string, cookie: string): N8nClient;
export function enableLicenseFeature(url: string, feature: string): Promise<void>;
export const LICENSE_FEATURES: { communityNodesCustomRegistry: string };

export interface RunningRegistry {
	url: string;
	/** Auth token of a registry user, for publishing. */
	token: string;
	stop(): Promise<unknown>;
	log(): string;
}
export function startVerdaccio(options?: { dir?: string; port?: number; timeoutMs?: number }): Promise<RunningRegistry>;
export function publishPackage(
	packageDir: string,
	registry: { url: string; token: string; timeoutMs?: number },
): Promise<ProcessResult>;

export function placePackage(
	packageDir: string,
	userFolder: string,
): Promise<{ name: string; version: string; dir: string }>;
export function writeDummyPackage(
	dir: string,
	options?: { name?: string; version?: string },
): { dir: string; name: string; version: string; nodeType: string };

export const runtime: {
	versions: { node24: string; node22: string; n8n: string; n8n1: string; n8n1oldest: string; verdaccio: string; playwright: string };
	paths: Record<string, string>;
	node24Env(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
	n8nRuntime(name?: N8nRuntimeName): { version: string; bin: string; nodeBin: string; env: Record<string, string> };
	nodeEnv(nodeBin: string, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};
