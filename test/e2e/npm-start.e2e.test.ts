// `npm start` as a user meets it: scripts/n8n/start.js starts the fake PBX and real n8n, creates
// the owner, the credential "3CX (local demo PBX)" and the example workflows, prints where to go,
// and stops both on Ctrl-C. Re-runs on the same data folder add nothing twice. The terminal gets
// progress lines and the summary only; n8n's own output goes to a log file.
import { spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { login, type N8nClient } from '../../scripts/n8n';
import { nodeJson, nodeItems, PROJECT_ROOT, runStoredWorkflow, type E2eWorkflow } from './support';

// Plain JS next to start.js; typed here for what the test uses.
const { demoWorkflows, DEMO_CREDENTIAL_NAME } = require('../../scripts/n8n/demo/provision') as {
	demoWorkflows(): E2eWorkflow[];
	DEMO_CREDENTIAL_NAME: string;
};
const { freePort } = require('../../scripts/n8n/processes') as { freePort(): Promise<number> };

jest.setTimeout(600_000);

const READY = /\[start\] Ready\.[\s\S]*?n8n editor:\s+(\S+)[\s\S]*?fake 3CX PBX:\s+(\S+)[\s\S]*?credential:\s+(.+)\n\s+workflows:\s+(.+)\n[\s\S]*?data folder:\s+(\S+)[\s\S]*?Ctrl-C stops/;

interface Started {
	child: ChildProcess;
	output: () => string;
	editorUrl: string;
	pbxUrl: string;
	credentialLine: string;
	workflowsLine: string;
	dataFolder: string;
	exited: Promise<number | null>;
}

/** start.js processes not stopped yet, and the ones that got ready. */
const running = new Set<ChildProcess>();
const leftovers = new Set<Started>();

/** `node scripts/n8n/start.js …` in its own process group, until it prints that it is ready. */
async function start(args: string[], env: Record<string, string>): Promise<Started> {
	const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'n8n', 'start.js'), ...args], {
		cwd: PROJECT_ROOT,
		env: { ...process.env, ...env },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) =>
		child.on('close', (code, signal) => {
			running.delete(child);
			resolve(code ?? (signal ? 128 : null));
		}),
	);
	const deadline = Date.now() + 540_000;
	let match: RegExpExecArray | null = null;
	while (!(match = READY.exec(output))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			const reason = child.exitCode !== null ? `exited (${child.exitCode})` : 'never got ready';
			if (child.exitCode === null) await interrupt(child, exited);
			throw new Error(`start.js ${reason}:\n${output.slice(-5000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const [, editorUrl, pbxUrl, credentialLine, workflowsLine, dataFolder] = match;
	const started = { child, output: () => output, editorUrl, pbxUrl, credentialLine, workflowsLine, dataFolder, exited };
	leftovers.add(started);
	return started;
}

/** Ctrl-C in a terminal: SIGINT to the foreground process group. 'timeout' if it still runs after 60 s. */
async function interrupt(child: ChildProcess, exited: Promise<number | null>): Promise<number | null | 'timeout'> {
	process.kill(-child.pid!, 'SIGINT');
	const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000).unref());
	return await Promise.race([exited, timeout]);
}

async function pressCtrlC(started: Started): Promise<number | null> {
	const result = await interrupt(started.child, started.exited);
	if (result === 'timeout') throw new Error(`start.js still running 60 s after SIGINT:\n${started.output().slice(-3000)}`);
	return result;
}

/** Whatever a failed test left running: Ctrl-C first (start.js then stops n8n), SIGKILL if that hangs. */
afterAll(async () => {
	for (const started of leftovers) {
		if (!running.has(started.child)) continue;
		await pressCtrlC(started).catch(() => process.kill(-started.child.pid!, 'SIGKILL'));
	}
});

async function isListening(url: string): Promise<boolean> {
	try {
		await fetch(url, { signal: AbortSignal.timeout(5_000) });
		return true;
	} catch {
		return false;
	}
}

async function freePorts() {
	return { N8N_PORT: String(await freePort()), FAKE_PBX_PORT: String(await freePort()) };
}

async function demoCredentials(api: N8nClient) {
	const credentials = await api.get<Array<{ id: string; name: string; type: string }>>('/rest/credentials');
	return credentials.filter((credential) => credential.type === 'threeCxApi');
}

async function credentialData(api: N8nClient, id: string) {
	return (await api.get<{ data: Record<string, unknown> }>(`/rest/credentials/${id}?includeData=true`)).data;
}

async function workflowNames(api: N8nClient) {
	const workflows = await api.get<Array<{ name: string }>>('/rest/workflows');
	return workflows.map((workflow) => workflow.name).sort();
}

/** The n8n log file the summary points at. */
const logFileOf = (started: Started) => /n8n log:\s+(\S+)/.exec(started.output())![1];

/** What n8n logs when provisioning provokes it: probing missing ids, owner setup on a set-up instance, a failed login. */
const PROVOKED = ['User attempted to access a workflow without permissions', 'Could not load the workflow', 'Instance owner already setup', 'Wrong username or password'];

/** Lines of start.js's own: progress ("[start] …", "[install] …"), the summary's indented lines, blank lines. */
const foreignLines = (output: string) => output.split('\n').filter((line) => !/^(\[(start|install)\] |  \S|$)/.test(line));

const examples = demoWorkflows();
const example = (name: string) => examples.find((workflow) => workflow.name.includes(name))!;

describe('node scripts/n8n/start.js --fresh', () => {
	let started: Started;
	let api: N8nClient;

	beforeAll(async () => {
		started = await start(['--fresh'], await freePorts());
		api = await login(started.editorUrl);
	}, 600_000);

	test('prints the editor URL and a login that works, and the fake PBX it started', async () => {
		expect(started.editorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(started.pbxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(started.output()).toContain('log in as owner@example.com / Passw0rd-for-tests');
		expect(started.credentialLine).toBe(`${DEMO_CREDENTIAL_NAME} (created)`);
		expect(started.workflowsLine).toBe(`${examples.length} examples named "3CX demo: …" (${examples.length} created)`);
		// What the editor asks for when it opens a workflow with the node.
		const described = await api.post<Array<{ name: string; displayName: string }>>('/rest/node-types', { nodeInfos: [{ name: 'n8n-nodes-3cx.threeCx', version: 1 }] });
		expect(described).toEqual([expect.objectContaining({ name: 'threeCx', displayName: '3CX' })]);
	});

	test('prints progress lines and its summary, and no line of n8n’s, no stack trace, no error', () => {
		const output = started.output();
		expect(output).toMatch(/^\[start\] Starting n8n 2\.41\.1 on port \d+ \(usually .+\) …$/m);
		expect(output).toMatch(/^\[start\] Starting n8n 2\.41\.1 on port \d+: done in \d+/m);
		expect(foreignLines(output)).toEqual([]);
		expect(output).not.toMatch(/^\s+at /m);
		expect(output).not.toMatch(/error|ENOTFOUND|HTTP \d{3}/i);
	});

	test('n8n’s output is in the log file it names, without errors provoked by the provisioning', () => {
		const log = readFileSync(logFileOf(started), 'utf8');
		expect(log).toContain('n8n ready on 127.0.0.1');
		for (const provoked of PROVOKED) expect(log).not.toContain(provoked);
	});

	test('one credential "3CX (local demo PBX)" points at the fake PBX', async () => {
		const credentials = await demoCredentials(api);
		expect(credentials.map((credential) => credential.name)).toEqual([DEMO_CREDENTIAL_NAME]);
		expect(await credentialData(api, credentials[0].id)).toMatchObject({ url: started.pbxUrl, clientId: 'demo' });
	});

	test('the example workflows are there, each once, using that credential', async () => {
		expect(await workflowNames(api)).toEqual(examples.map((workflow) => workflow.name).sort());
		const [credential] = await demoCredentials(api);
		const stored = await api.get<{ nodes: Array<{ credentials?: { threeCxApi?: { id: string } } }> }>(`/rest/workflows/${example('Return All').id}`);
		expect(stored.nodes.filter((node) => node.credentials).map((node) => node.credentials!.threeCxApi!.id)).toEqual([credential.id]);
	});

	test('every example workflow runs successfully against the fake PBX', async () => {
		const outputs: Record<string, number> = {};
		for (const workflow of examples) {
			// The Call Events example waits for the next call: ring a missed one every 2 s until it has run.
			const calling = workflow === example('Missed Call') ? setInterval(() => void fetch(`${started.pbxUrl}/demo/call?missed=true`, { method: 'POST' }), 2000) : undefined;
			const run = await runStoredWorkflow(api, workflow).finally(() => clearInterval(calling));
			expect({ workflow: workflow.name, status: run.status, error: run.data.resultData.error?.message }).toEqual({ workflow: workflow.name, status: 'success', error: undefined });
			outputs[workflow.name] = nodeItems(run, run.data.resultData.lastNodeExecuted as string).length;
			if (workflow === example('Return All')) expect(nodeJson(run, 'Get all call history')).toHaveLength(6000);
			if (workflow === example('Recording')) expect(nodeItems(run, 'Download recording')[0].binary?.data).toMatchObject({ mimeType: 'audio/x-wav' });
			if (workflow === example('Chat History')) expect(nodeJson(run, 'Read the CSV').length).toBeGreaterThan(0);
			if (workflow === example('Create Receptionist')) expect(nodeJson(run, 'Create receptionist')[0]).toMatchObject({ Name: expect.stringMatching(/^Demo menu \d+$/) });
			if (workflow === example('Missed Call')) expect(nodeJson(run, 'Compose message')[0].message).toMatch(/^Missed call from \+\d+ to extension 100 at /);
		}
		expect(Object.values(outputs).every((count) => count > 0)).toBe(true);
	});

	test('Ctrl-C stops n8n and the fake PBX and deletes the throw-away data folder', async () => {
		expect(existsSync(started.dataFolder)).toBe(true);

		await pressCtrlC(started);

		expect(await isListening(started.editorUrl)).toBe(false);
		expect(await isListening(started.pbxUrl)).toBe(false);
		expect(existsSync(started.dataFolder)).toBe(false);
		rmSync(logFileOf(started), { force: true });
	});
});

describe('a second start on the same data folder', () => {
	const dataFolder = mkdtempSync(join(tmpdir(), 'n8n-dev-e2e-'));

	afterAll(() => rmSync(dataFolder, { recursive: true, force: true }));

	test('logs in again, keeps the workflows, re-points the demo credential at the new PBX port, adds nothing twice', async () => {
		const first = await start([], { ...(await freePorts()), N8N_DEV_FOLDER: dataFolder });
		await pressCtrlC(first);

		const second = await start([], { ...(await freePorts()), N8N_DEV_FOLDER: dataFolder });
		try {
			expect(second.dataFolder).toBe(dataFolder);
			expect(second.pbxUrl).not.toBe(first.pbxUrl);
			expect(second.output()).toContain('log in as owner@example.com');
			expect(second.credentialLine).toBe(`${DEMO_CREDENTIAL_NAME} (updated)`);
			expect(second.workflowsLine).toBe(`${examples.length} examples named "3CX demo: …" (all already there)`);

			const api = await login(second.editorUrl);
			const credentials = await demoCredentials(api);
			expect(credentials).toHaveLength(1);
			expect(await credentialData(api, credentials[0].id)).toMatchObject({ url: second.pbxUrl });
			expect(await workflowNames(api)).toEqual(examples.map((workflow) => workflow.name).sort());
			expect((await runStoredWorkflow(api, example('Monitor Status'))).status).toBe('success');
			expect(foreignLines(second.output())).toEqual([]);
			const log = readFileSync(logFileOf(second), 'utf8');
			for (const provoked of PROVOKED) expect(log).not.toContain(provoked);
		} finally {
			await pressCtrlC(second);
		}
		expect(existsSync(dataFolder)).toBe(true);
	});
});
