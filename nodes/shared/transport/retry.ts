import { sleep } from 'n8n-workflow';

/** 3CX, or a proxy in front of it, is busy: worth another try for a request that changes nothing. */
const RETRYABLE = new Set([429, 502, 503, 504]);
export const MAX_TRIES = 3;
export const RETRY_BUDGET_MS = 30_000;

/**
 * How retries tell time and wait. The clock is monotonic: a container's wall clock may jump.
 * Tests replace these to see the waits chosen without spending them.
 */
export const retryTiming = {
	now: (): number => performance.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined || value === null ? undefined : String(value);
}

// IMF-fixdate, RFC 850 and asctime, the three forms HTTP allows; Date.parse alone reads almost anything.
const HTTP_DATE = [
	/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
	/^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
	/^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

function httpDate(text: string | undefined): number | undefined {
	const trimmed = text?.trim() ?? '';
	if (!HTTP_DATE.some((form) => form.test(trimmed))) return undefined;
	const time = Date.parse(trimmed);
	return Number.isNaN(time) ? undefined : time;
}

/**
 * The wait an answer's Retry-After asks for, in ms: delay-seconds, or an HTTP-date counted from
 * the answer's own Date header when it has one (so a skewed local clock matters less).
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Record<string, unknown>, wallClockNow: number = Date.now()): number | undefined {
	const value = header(headers, 'retry-after')?.trim();
	if (value === undefined || value === '') return undefined;
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const until = httpDate(value);
	if (until === undefined) return undefined;
	return Math.max(0, until - (httpDate(header(headers, 'date')) ?? wallClockNow));
}

/** Without a Retry-After: 0.5 s, then 1 s. */
export function backoffMs(failedTries: number): number {
	return 500 * 2 ** (failedTries - 1);
}

export interface FailedTry {
	status?: number;
	headers: Record<string, unknown>;
}

/** Retry after `delayMs`, or give up; `askedToWaitMs` when what 3CX asked for is beyond the budget. */
export type RetryDecision = { delayMs: number } | { delayMs?: undefined; askedToWaitMs?: number };

/**
 * After `failedTries` failed tries that took `elapsedMs` in all (the tries themselves and the
 * waits): whether to try once more, and when. At most MAX_TRIES tries within RETRY_BUDGET_MS.
 */
export function nextTry(failure: FailedTry, failedTries: number, elapsedMs: number, wallClockNow?: number): RetryDecision {
	if (!RETRYABLE.has(failure.status ?? 0) || failedTries >= MAX_TRIES) return {};
	const askedFor = retryAfterMs(failure.headers, wallClockNow);
	const delayMs = askedFor ?? backoffMs(failedTries);
	if (elapsedMs + delayMs <= RETRY_BUDGET_MS) return { delayMs };
	return askedFor === undefined ? {} : { askedToWaitMs: askedFor };
}

/**
 * Sends with `send` until it succeeds or nextTry gives up; then throws what `giveUp` makes of the
 * last error. With `retry` false (a write, which 3CX may have applied) it sends once.
 */
export async function withRetries<T>(
	send: () => Promise<T>,
	options: { retry: boolean; failureOf: (error: unknown) => FailedTry; giveUp: (error: unknown, askedToWaitMs?: number) => Error },
): Promise<T> {
	const started = retryTiming.now();
	for (let tries = 1; ; tries++) {
		try {
			return await send();
		} catch (error) {
			const decision: RetryDecision = options.retry ? nextTry(options.failureOf(error), tries, retryTiming.now() - started) : {};
			if (decision.delayMs === undefined) throw options.giveUp(error, decision.askedToWaitMs);
			await retryTiming.sleep(decision.delayMs);
		}
	}
}
