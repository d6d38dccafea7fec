// Running a stored workflow through a running n8n the way the editor's "Execute workflow" button
// does: POST /rest/workflows/:id/run from the trigger, then read the execution back.
import { join } from 'path';
import { runtime, type N8nClient, type WorkflowRun } from '../../../scripts/n8n';
import type { E2eWorkflow } from './workflows';

// n8n returns execution data in the `flatted` format; n8n itself ships the parser.
const flatted = require(join(runtime.paths.n8nDir, 'node_modules', 'flatted')) as { parse(text: string): unknown };

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const POLL_MS = 250;

interface StoredExecution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	data: string;
}

/** The node a manual run starts from: the workflow's (first) trigger. */
export function triggerName(workflow: E2eWorkflow): string {
	const trigger = workflow.nodes.find((node) => /trigger$/i.test(node.type));
	if (!trigger) throw new Error(`workflow ${workflow.id} has no trigger node to start from`);
	return trigger.name;
}

/** Waits until the execution finished and returns it as an IRun (what `n8n execute` prints). */
export async function waitForExecution(api: N8nClient, executionId: string, timeoutMs: number): Promise<WorkflowRun> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await api.get<StoredExecution | undefined>(`/rest/executions/${executionId}`);
		// n8n 1.x may report the status a moment before the run's data is stored.
		const data = execution && FINISHED.has(execution.status) && execution.data ? (flatted.parse(execution.data) as WorkflowRun['data'] | undefined) : undefined;
		if (execution && data?.resultData) {
			return { status: execution.status, finished: execution.finished, mode: execution.mode, data };
		}
		if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${execution?.status ?? 'unknown'} after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

/**
 * Runs the stored workflow from its trigger, as a manual execution; resolves with the run, failed
 * or not. n8n 1.x runs the workflowData the editor sends along; 2.x runs the stored workflow and
 * ignores it.
 */
export async function runStoredWorkflow(api: N8nClient, workflow: E2eWorkflow, timeoutMs = 300_000): Promise<WorkflowRun> {
	const started = await api.post<{ executionId?: string; waitingForWebhook?: boolean }>(`/rest/workflows/${workflow.id}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: triggerName(workflow) },
	});
	if (!started?.executionId) throw new Error(`n8n did not start workflow ${workflow.id}: ${JSON.stringify(started)}`);
	return await waitForExecution(api, started.executionId, timeoutMs);
}

/** A run that did not succeed, as an error carrying the run (like scripts/n8n's executeWorkflow). */
export function failedRunError(workflowId: string, run: WorkflowRun): Error & { run: WorkflowRun } {
	const reason = run.data?.resultData?.error?.message ?? `status ${run.status}`;
	return Object.assign(new Error(`workflow ${workflowId} failed: ${reason}`), { run });
}
