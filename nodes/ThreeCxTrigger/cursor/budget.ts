import type { IPollFunctions } from 'n8n-workflow';
import type { ReadBudget } from './keyset';

/** Records one poll reads at most; a larger backlog is emitted over the next polls. */
export const MAX_ROWS_PER_POLL = 5000;
/** What n8n allows a poll when it does not say (older n8n versions). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/** Half of n8n's poll budget, leaving the other half for answering and saving what was read. */
export function pollBudget(context: IPollFunctions): ReadBudget {
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return { maxRows: MAX_ROWS_PER_POLL, deadline: Date.now() + budgetMs / 2 };
}
