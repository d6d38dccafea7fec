import type { IPollFunctions } from 'n8n-workflow';
import type { ReadBudget } from './keyset';

/** Pages one poll reads at most: 10 × 500 records; a larger backlog is emitted over the next polls. */
const MAX_PAGES = 10;
/** What n8n allows a poll when it does not say (older n8n versions). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/** Half of n8n's poll budget, leaving the other half for answering and saving what was read. */
export function pollBudget(context: IPollFunctions): ReadBudget {
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return { maxPages: MAX_PAGES, deadline: Date.now() + budgetMs / 2 };
}
