import { settle } from '../helpers/settle';
import { inspectFailure } from './failure';
import { retryTiming } from './retry';

/**
 * Waits before each further try of a request whose token 3CX refused. Their sum outlasts a
 * process's wait for a revoked token's successor (token.ts, at most 9 s) even at the shortest
 * jitter, so a process that finds no newer token stored by then mints one itself (a PBX restart
 * drops every token).
 */
export const REFUSED_TOKEN_WAITS_MS = [500, 1000, 2000, 3000, 4000, 5000, 5000];

/** Processes that were refused together must not come back together. */
function jittered(ms: number): number {
	return Math.round(ms * (0.5 + Math.random()));
}

function tokenRefused(error: unknown): boolean {
	return inspectFailure(error).status === 401;
}

/**
 * Sends again when 3CX refused the token even after n8n's one re-mint and retry. In n8n's queue
 * mode another worker can revoke a token between n8n reading the credential and sending; each try
 * makes n8n read the credential again, and so finds the token the other worker stored. 3CX applies
 * nothing it answers 401, so this is safe for writes too.
 */
export async function withTokenRetries<T>(send: () => Promise<T>): Promise<T> {
	for (let retry = 0; ; retry++) {
		const answer = await settle(send());
		if (answer.ok) return answer.value;
		// Any other failure is already the readable error the transport made of it.
		if (retry >= REFUSED_TOKEN_WAITS_MS.length || !tokenRefused(answer.error)) throw answer.error;
		await retryTiming.sleep(jittered(REFUSED_TOKEN_WAITS_MS[retry]));
	}
}
