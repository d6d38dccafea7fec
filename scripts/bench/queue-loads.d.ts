// Types for queue-loads.js, for the queue-mode e2e suite.

export interface QueueLoad {
	id: string;
	label?: string;
	executions: number;
	/** The executions' webhook calls are spread evenly over this many ms (0: all at once). */
	overMs: number;
	tokenLifetimeSeconds: number;
}

export interface LoadResult {
	ok: number;
	failed: number;
	mints: number;
	unauthorized: number;
	seconds: number;
	/** One mint per process per token lifetime begun, plus the first. */
	mintBound: number;
	firstError?: string;
}

export interface LoadTarget {
	url: string;
	processes: number;
	log(): string;
	stop(): Promise<void>;
}

export const LOADS: QueueLoad[];
export function mintBound(processes: number, seconds: number, tokenLifetimeSeconds: number): number;
export function runLoad(n8n: LoadTarget, load: QueueLoad, options?: { tag?: string }): Promise<LoadResult>;
export function startLoadTarget(options: { workers: number; env?: Record<string, string> }): Promise<LoadTarget>;
