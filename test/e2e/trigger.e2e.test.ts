// The 3CX Trigger inside real n8n 2.41.1, against the fake PBX: a workflow that starts with it,
// run as the editor runs it (manual mode: one poll that returns the newest record), and activated
// (the activation poll records where history ends, a timed poll emits what 3CX wrote since).
//
// `n8n execute --id` cannot run it: n8n 2.41.1's CLI starts only at a Manual or Execute Workflow
// Trigger, and runs nodes in 'cli' mode, in which n8n does not call a poll trigger's poll.
import { linearWorkflow, nodeJson, startE2eEnvironment, waitForExecution, E2E_CREDENTIAL, type E2eEnvironment, type E2eWorkflow, type WorkflowNode } from './support';

jest.setTimeout(300_000);

const TRIGGER = '3CX Trigger';

function triggerWorkflow(id: string, parameters: Record<string, unknown>): E2eWorkflow {
	const trigger: WorkflowNode = {
		name: TRIGGER,
		type: 'n8n-nodes-3cx.threeCxTrigger',
		typeVersion: 1,
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: { threeCxApi: E2E_CREDENTIAL },
	};
	const after: WorkflowNode = { name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
	return linearWorkflow(id, [trigger, after]);
}

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ callHistoryRows: 100 });
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

test('a manual run of a workflow starting with the trigger returns the newest call record of the given extension', async () => {
	// The fake plays 20.0.10: calls are in the call log (GetCallLogData).
	const newest = env.pbx.addCall({ from: '104', to: '+4930555', startTime: new Date(Date.now() - 60_000).toISOString() });
	env.pbx.addCall({ from: '105', to: '106' });
	const run = await env.runWorkflow(triggerWorkflow('e2eTriggerCallRecord', { event: 'callRecord', numbers: '104' }));
	expect(nodeJson(run, TRIGGER)).toEqual([newest]);
	expect(nodeJson(run, 'Received')).toEqual([newest]);
});

test('a manual run shows a status change in the shape the active trigger emits', async () => {
	const user = env.pbx.state.Users.find((u) => u.Number === '107')!;
	const run = await env.runWorkflow(triggerWorkflow('e2eTriggerUserStatus', { event: 'userStatusChanged', numbers: '107', watch: ['CurrentProfileName', 'QueueStatus'] }));
	expect(nodeJson(run, TRIGGER)).toEqual([
		expect.objectContaining({ Id: user.Id, Number: '107', CurrentProfileName: user.CurrentProfileName, changedFields: [], previous: {} }),
	]);
});

/** Checks every second, at most `seconds` times; a wait, not a timed assertion. */
async function waitUntil(condition: () => boolean | Promise<boolean>, seconds: number): Promise<void> {
	for (let i = 0; i < seconds && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 1000));
}

interface ExecutionSummary {
	id: string;
	mode: string;
	status: string;
}

test('activated on a 20.0.10 PBX, it emits no call of the history and then each new call record once', async () => {
	const workflow = triggerWorkflow('e2eTriggerActiveCallRecord', { event: 'callRecord' });
	await env.saveWorkflows([workflow]);
	const { versionId } = await env.api.get<{ versionId: string }>(`/rest/workflows/${workflow.id}`);
	const executions = async () =>
		(await env.api.get<{ results: ExecutionSummary[] }>(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`)).results;
	const callLogReads = () =>
		Object.entries(env.pbx.stats.byRoute)
			.filter(([route]) => route.includes('Pbx.GetCallLogData'))
			.reduce((sum, [, count]) => sum + count, 0);
	env.pbx.addCall({ from: '103', startTime: new Date(Date.now() - 5 * 60_000).toISOString() });
	env.pbx.resetStats();
	await env.api.post(`/rest/workflows/${workflow.id}/activate`, { versionId });
	try {
		// n8n publishes in the background; its activation poll reads the call log's recent hours.
		await waitUntil(() => callLogReads() > 0, 120);
		expect(env.pbx.stats.byRoute['GET /CallHistoryView']).toBeUndefined();
		expect(await executions()).toEqual([]);
		const written = [env.pbx.addCall({ from: '104', to: '105' }), env.pbx.addCall({ from: '106', to: '+4930555' })];
		// n8n polls every minute: wait for the execution the next poll starts.
		let started: ExecutionSummary[] = [];
		await waitUntil(async () => (started = await executions()).length > 0, 150);
		expect(started).toHaveLength(1);
		const run = await waitForExecution(env.api, started[0].id, 60_000);
		expect(started[0].mode).toBe('trigger');
		expect(nodeJson(run, 'Received')).toEqual(written);
	} finally {
		await env.api.post(`/rest/workflows/${workflow.id}/deactivate`, {});
	}
});
