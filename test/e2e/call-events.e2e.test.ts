// 3CX's Call Control API inside real n8n 2.41.1 (Node 24, whose WebSocket is built in), against
// the fake PBX: an active workflow with the 3CX Call Events Trigger gets a scripted inbound call's
// events, one execution each, and a Make Call action of the 3CX node reaches the PBX (which the
// still-active trigger then reports as dialing).
import { linearWorkflow, nodeJson, startE2eEnvironment, threeCxWorkflow, waitForExecution, E2E_CREDENTIAL, type E2eEnvironment, type WorkflowNode } from './support';

jest.setTimeout(300_000);

const TRIGGER = '3CX Call Events Trigger';

interface ExecutionSummary {
	id: string;
	mode: string;
	status: string;
}

/** Checks every 200 ms, at most `seconds` long; a wait, not a timed assertion. */
async function waitUntil(condition: () => boolean | Promise<boolean>, seconds: number): Promise<void> {
	for (let i = 0; i < seconds * 5 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 200));
}

let env: E2eEnvironment;

beforeAll(async () => {
	env = await startE2eEnvironment({ callHistoryRows: 10 });
}, 600_000);

afterAll(async () => {
	await env?.stop();
});

test('an active workflow receives ringing → answered → ended of an inbound call, and sees a Make Call', async () => {
	const trigger: WorkflowNode = {
		name: TRIGGER,
		type: 'n8n-nodes-3cx.threeCxCallEventsTrigger',
		typeVersion: 1,
		parameters: { events: ['ringing', 'dialing', 'answered', 'ended'], dns: '100, 101' },
		credentials: { threeCxApi: E2E_CREDENTIAL },
	};
	const received: WorkflowNode = { name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
	const workflow = linearWorkflow('e2eCallEvents', [trigger, received]);
	await env.saveWorkflows([workflow]);
	const { versionId } = await env.api.get<{ versionId: string }>(`/rest/workflows/${workflow.id}`);
	const executions = async () =>
		(await env.api.get<{ results: ExecutionSummary[] }>(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`)).results;
	const calls = env.pbx.callControl;
	const events = async (count: number) => {
		let started: ExecutionSummary[] = [];
		await waitUntil(async () => (started = await executions()).length >= count, 60);
		// In the order the trigger emitted them: execution ids grow. Not by the socket's sequence:
		// an event the trigger caught up from its first snapshot (a call scripted while it was
		// still reading the calls in progress) has none.
		const inOrder = [...started].sort((a, b) => Number(a.id) - Number(b.id));
		const runs = await Promise.all(inOrder.map((e) => waitForExecution(env.api, e.id, 60_000)));
		return runs.map((run) => nodeJson(run, 'Received')[0]);
	};

	await env.api.post(`/rest/workflows/${workflow.id}/activate`, { versionId });
	try {
		// n8n activates in the background: the trigger is listening once the PBX has its socket.
		await waitUntil(() => calls.sockets.size === 1, 120);
		expect(calls.sockets.size).toBe(1);

		const call = calls.inbound({ from: '+491701234567', to: '100', name: 'Erika Mustermann' });
		await events(1);
		calls.answer(call);
		await events(2);
		calls.hangUp(call);
		const inbound = await events(3);
		expect(inbound.map((e) => [e.event, e.dn, e.from, e.direction])).toEqual([
			['ringing', '100', '+491701234567', 'inbound'],
			['answered', '100', '+491701234567', 'inbound'],
			['ended', '100', '+491701234567', 'inbound'],
		]);
		expect(inbound[2]).toMatchObject({ missed: false, durationSeconds: expect.any(Number), partyName: 'Erika Mustermann' });

		const run = await env.runWorkflow(
			threeCxWorkflow('e2eMakeCall', { resource: 'callControl', operation: 'callControlMakeCall', callControlDn: '101', callControlDestination: '+4930555' }),
		);
		expect(nodeJson(run, '3CX')).toEqual([expect.objectContaining({ finalstatus: 'Success', result: expect.objectContaining({ dn: '101', status: 'Dialing' }) })]);
		expect(calls.requests.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/callcontrol/101/makecall', body: { destination: '+4930555' } }]);
		const [dialing] = (await events(4)).slice(3);
		expect(dialing).toMatchObject({ event: 'dialing', dn: '101', from: '101', to: '+4930555', direction: 'outbound' });
		expect((await executions()).every((e) => e.mode === 'trigger' && e.status === 'success')).toBe(true);
	} finally {
		await env.api.post(`/rest/workflows/${workflow.id}/deactivate`, {});
	}
	// Deactivated: the trigger closed its socket.
	await waitUntil(() => calls.sockets.size === 0, 30);
	expect(calls.sockets.size).toBe(0);
});
