import { NodeApiError } from 'n8n-workflow';
import { settle } from '../helpers/settle';

/**
 * Live PBXs refuse a `$top` above 100 on entity sets, though the spec sets no limit:
 * 400 "The query specified in the URI is not valid. The limit of '100' for Top query has been
 * exceeded. The value from the incoming request is '500'." The limit is read from that answer and
 * kept per PBX and path, so every later request there asks for no more.
 */
const TOP_LIMIT = /limit of '(\d+)' for Top query has been exceeded/i;

export function topLimitFromError(message: string): number | undefined {
	const limit = Number(TOP_LIMIT.exec(message)?.[1]);
	return Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

interface XapiErrorBody {
	xapiError?: { error?: { message?: unknown } };
}

/** The limit 3CX named when it refused a request's `$top` (the body our NodeApiErrors keep), if it did. */
export function topLimitOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400') return undefined;
	const message = (error.errorResponse as XapiErrorBody | undefined)?.xapiError?.error?.message;
	return typeof message === 'string' ? topLimitFromError(message) : undefined;
}

/** Where a limit holds: one PBX (its XAPI base URL) and one path template. */
export interface TopLimitScope {
	baseURL: string;
	path: string;
}

const learned = new Map<string, number>();
const scopeKey = ({ baseURL, path }: TopLimitScope) => `${baseURL}\u0000${path}`;

export function knownTopLimit(scope: TopLimitScope): number | undefined {
	return learned.get(scopeKey(scope));
}

export function learnTopLimit(scope: TopLimitScope, limit: number): void {
	learned.set(scopeKey(scope), limit);
}

/** For tests: forget what every PBX said. */
export function forgetTopLimits(): void {
	learned.clear();
}

/**
 * Sends one request asking for up to `top` rows, never more than the PBX is known to accept. When
 * the PBX refuses the size and names its limit, the limit is kept and the request sent once more
 * with it. Resolves with what `send` gave and the `$top` that was sent.
 */
export async function sendWithinTopLimit<Result>(
	scope: TopLimitScope,
	top: number,
	send: (top: number) => Promise<Result>,
): Promise<{ result: Result; top: number }> {
	const known = knownTopLimit(scope);
	const first = known === undefined ? top : Math.min(top, known);
	const answer = await settle(send(first));
	if (answer.ok) return { result: answer.value, top: first };
	const limit = topLimitOf(answer.error);
	// Any other failure is already the readable error the transport made of it.
	if (limit === undefined || limit >= first) throw answer.error;
	learnTopLimit(scope, limit);
	return { result: await send(limit), top: limit };
}
