import { topLimitFromError } from './topLimit';
import type { FailedResponse } from './failure';
import { RETRY_BUDGET_MS } from './retry';

/**
 * What a failed request asked for, as its error words it: the path as 3CX's spec names it, and
 * which updates have it when not all do. An operation's Endpoint is one.
 */
export interface RequestTarget {
	path: string;
	/** E.g. "3CX 20.0.6 and later". */
	versions?: string;
}

export interface Message {
	message: string;
	description?: string;
}

/** 3CX refused the token (401), also after new ones: what the user reads. */
export const TOKEN_REFUSED = {
	message: '3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client',
	description:
		"The node renewed the token and tried again for about 20 seconds. 3CX keeps one token per API client: another n8n installation or app using the same client revokes this one's tokens, so give each its own API client.",
};

/** "WARNINGS.XAPI.ALREADY_IN_USE" → "already in use". */
export function readableCode(text: string): string {
	return text.replace(/\b(?:[A-Z]+\.)*XAPI\.([A-Z0-9_]+)\b/g, (_, code: string) => code.toLowerCase().replace(/_/g, ' '));
}

/** The limit and the asked-for size in 3CX's refusal of a `$top`. */
function topLimitOfBody(body: unknown): number | undefined {
	const message = (body as XapiError)?.error?.message;
	return typeof message === 'string' ? topLimitFromError(message) : undefined;
}

function askedTop(body: unknown): number | undefined {
	const asked = /incoming request is '(\d+)'/.exec(String((body as XapiError)?.error?.message ?? ''))?.[1];
	return asked === undefined ? undefined : Number(asked);
}

interface XapiError {
	error?: { message?: string; details?: Array<{ message?: string; target?: string }> };
}

/** The XAPI error body as one sentence: "Number: already in use". */
export function xapiMessage(body: unknown): string | undefined {
	const error = (body as XapiError)?.error;
	if (!error || typeof error !== 'object') return undefined;
	const details = (error.details ?? []).filter((d) => d.message);
	if (details.length) {
		return details.map((d) => (d.target ? `${d.target}: ${readableCode(d.message!)}` : readableCode(d.message!))).join('; ');
	}
	return error.message ? readableCode(error.message.replace(/\s*\n\s*/g, ' ')) : undefined;
}

/**
 * Paths that read, archive or purge call history, recordings and chats: 3CX gives them to the
 * System Owner role only. Matched on the path's first segment, or on the function it calls.
 */
const SYSTEM_OWNER_SETS = new Set([
	'CallHistoryView',
	'ChatHistoryView',
	'ChatMessagesHistoryView',
	'Recordings',
	'ReportChatLog',
	'ReportCallLogData',
	'LastCdrAndChatMessageTimestamp',
	'PurgeCalls',
	'PurgeChats',
]);
const SYSTEM_OWNER_FUNCTIONS = new Set(['Pbx.GetCallLog', 'Pbx.ArchiveChats', 'Pbx.ArchiveRecordings']);

export function needsSystemOwner(path: string): boolean {
	return path
		.split('/')
		.filter(Boolean)
		.some((segment, index) => (index === 0 ? SYSTEM_OWNER_SETS : SYSTEM_OWNER_FUNCTIONS).has(segment.replace(/\(.*$/, '')));
}

/** An entity key in the path (`/Users({Id})`, `/Users(Number={Number})`), not a function's parameters. */
function hasEntityKey(path: string): boolean {
	return path.split('/').some((segment) => !segment.startsWith('Pbx.') && /^\w+\(.*\{/.test(segment));
}

const API_SETTINGS = '3CX Admin › Integrations › API';

function accessDenied(endpoint: RequestTarget, xapi: string | undefined): Message {
	const detail = xapi ? ` 3CX said: ${xapi}.` : '';
	if (needsSystemOwner(endpoint.path)) {
		return {
			message: '3CX refused access — this needs the System Owner role',
			description: `Call history, recordings and chats are for the System Owner role only: give it to the API client (${API_SETTINGS}).${detail}`,
		};
	}
	return {
		message: "3CX refused access — the API client's role does not allow this operation",
		description: `Give the API client a role that allows it (${API_SETTINGS}).${detail}`,
	};
}

function notFound(endpoint: RequestTarget, xapi: string | undefined): Message {
	// A targeted code ("Id: not found") comes from an operation that exists: the record is missing.
	if (xapi && xapi.toLowerCase() !== 'not found') return { message: `Not found — ${xapi}`, description: 'Check the key or number you gave.' };
	if (!endpoint.versions) return { message: 'Not found', description: 'Check the key or number you gave.' };
	return {
		message: `Not found — this operation exists in ${endpoint.versions}${hasEntityKey(endpoint.path) ? ', or the record does not exist' : ''}`,
		description: 'Check which update your PBX runs (3CX Admin › Dashboard).',
	};
}

/**
 * The PBX did not answer at all. The network code goes in the description: n8n swaps a message
 * that names one (ECONNRESET…) for its own generic sentence.
 */
export function unreachable(code: string | undefined, url?: string): Message {
	const where = `Could not reach the 3CX PBX${url ? ` at ${url}` : ''}`;
	const codeNote = code ? ` Error code: ${code}.` : '';
	if (/CERT|SSL|TLS/i.test(code ?? '')) {
		return { message: `${where}: its certificate is not trusted`, description: `For a self-signed certificate, turn on Ignore SSL Issues in the credential.${codeNote}` };
	}
	return { message: where, description: `Check the PBX URL in the credential and that n8n can reach it.${codeNote}` };
}

/** 3CX asked to wait longer than the node retries for: say so, and what to do. */
export function withAskedWait(message: Message, askedToWaitMs: number | undefined): Message {
	if (askedToWaitMs === undefined) return message;
	return {
		message: `${message.message} — 3CX asked to retry after ${Math.ceil(askedToWaitMs / 1000)} s`,
		description: `The node retries a read for up to ${RETRY_BUDGET_MS / 1000} s in all. Run it again later, or turn on Retry On Fail in the node's settings with a longer wait.`,
	};
}

/** A Top above what the PBX returns per request: a user's own Options › Top (paging keeps under it). */
export function topAboveLimit(limit: number, asked?: number): Message {
	return {
		message: `Top: 3CX returns at most ${limit} rows per request${asked === undefined ? '' : `, not ${asked}`}`,
		description: `Leave Options › Top out and use Return All or Limit instead: the node then reads the rows in pages of ${limit} or fewer.`,
	};
}

/** What to tell the user about a failed request: only facts that are safe to show. */
export function failureMessage(failure: FailedResponse, endpoint: RequestTarget): Message {
	const xapi = xapiMessage(failure.body);
	switch (failure.status) {
		case 401:
			return TOKEN_REFUSED;
		case 403:
			return accessDenied(endpoint, xapi);
		case 404:
			return notFound(endpoint, xapi);
		case 429:
			return { message: '3CX is rate-limiting requests (HTTP 429)', description: 'Use fewer parallel items or batching.' };
		default:
			if (failure.status && failure.status >= 500) {
				return { message: `3CX failed with HTTP ${failure.status}${xapi ? `: ${xapi}` : ''}` };
			}
			if (failure.status === 400) {
				const limit = topLimitOfBody(failure.body);
				if (limit !== undefined) return topAboveLimit(limit, askedTop(failure.body));
			}
			if (failure.status) return { message: xapi ?? `3CX answered HTTP ${failure.status}` };
	}
	if (failure.tokenError) return { message: failure.tokenError.message, description: failure.tokenError.description };
	return unreachable(failure.code);
}
