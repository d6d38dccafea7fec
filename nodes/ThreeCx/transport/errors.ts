import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Endpoint } from '../odata/endpoint';
import { TokenError } from './token';

/** What a failed request left behind, whatever layer (axios, n8n, our token code) wrapped it. */
export interface FailedResponse {
	status?: number;
	headers: Record<string, unknown>;
	body?: unknown;
	code?: string;
	tokenError?: TokenError;
}

type Wrapped = { cause?: unknown; response?: { status?: number; headers?: Record<string, unknown>; data?: unknown; body?: unknown }; httpCode?: string | null; code?: string };

export function inspectFailure(error: unknown): FailedResponse {
	const seen = new Set<unknown>();
	const failure: FailedResponse = { headers: {} };
	let wrapperStatus: number | undefined;
	for (let e = error as Wrapped | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause as Wrapped) {
		seen.add(e);
		if (e instanceof TokenError) failure.tokenError ??= e;
		if (e.response?.status !== undefined && failure.status === undefined) {
			failure.status = e.response.status;
			failure.headers = { ...(e.response.headers ?? {}) };
			failure.body = decodeBody(e.response.data ?? e.response.body);
		}
		if (wrapperStatus === undefined && e.httpCode && /^\d+$/.test(e.httpCode)) wrapperStatus = Number(e.httpCode);
		failure.code ??= e.code;
	}
	failure.status ??= wrapperStatus;
	return failure;
}

export function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		const text = Buffer.from(body as Buffer).toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (typeof body === 'string') {
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body;
}

/** "WARNINGS.XAPI.ALREADY_IN_USE" → "already in use". */
export function readableCode(text: string): string {
	return text.replace(/\b(?:[A-Z]+\.)*XAPI\.([A-Z0-9_]+)\b/g, (_, code: string) => code.toLowerCase().replace(/_/g, ' '));
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

const ROLE_HINT = 'The API client’s role does not allow this. Call history, recordings and chats need the System Owner role (3CX Admin › Integrations › API).';

function messageFor(failure: FailedResponse, endpoint: Endpoint): { message: string; description?: string } {
	const xapi = xapiMessage(failure.body);
	switch (failure.status) {
		case 401:
			return { message: '3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client' };
		case 403:
			return { message: `3CX refused access${xapi ? `: ${xapi}` : ''}`, description: ROLE_HINT };
		case 404:
			return {
				// A bare NOT_FOUND code adds nothing; a targeted one ("Id: not found") says what was missing.
				message: xapi && xapi.toLowerCase() !== 'not found' ? `Not found — ${xapi}` : 'Not found',
				description: endpoint.versions
					? `This operation exists in ${endpoint.versions}; check which update your PBX runs (3CX Admin › Dashboard).`
					: 'Check the key or number you gave.',
			};
		case 429:
			return { message: '3CX is rate-limiting requests (HTTP 429)', description: 'Use fewer parallel items or batching.' };
		default:
			if (failure.status && failure.status >= 500) {
				return { message: `3CX failed with HTTP ${failure.status}${xapi ? `: ${xapi}` : ''}` };
			}
			if (failure.status) return { message: xapi ?? `3CX answered HTTP ${failure.status}` };
	}
	if (failure.tokenError) return { message: failure.tokenError.message };
	const tls = /CERT|SSL|TLS|SELF_SIGNED/i.test(failure.code ?? '');
	return {
		message: `Could not reach the 3CX PBX${failure.code ? ` (${failure.code})` : ''}`,
		description: tls ? 'Its certificate is not trusted: turn on Ignore SSL Issues in the credential for a self-signed certificate.' : 'Check the PBX URL in the credential and that n8n can reach it.',
	};
}

/**
 * The node as this node's errors carry it. n8n logs a failed execution's error with its node (at
 * debug level) and keeps it on error items; the parameters hold what the user typed, a Mail
 * Password included. Resource and operation stay: n8n's error details name them.
 */
export function nodeForErrors(node: INode): INode {
	const { resource, operation } = node.parameters ?? {};
	const parameters = Object.fromEntries(Object.entries({ resource, operation }).filter(([, value]) => value !== undefined));
	return { ...node, parameters } as INode;
}

interface ErrorFacts {
	message: string;
	description?: string;
	httpCode?: string;
	itemIndex?: number;
	/** The XAPI error body, safe to show: it is what 3CX answered. */
	body?: JsonObject;
}

/**
 * This node's errors are NodeApiErrors: n8n's declarative engine passes those on as they are, and
 * wraps anything else again — with the node, parameters and all. Built from safe facts only.
 */
export function xapiNodeError(node: INode, facts: ErrorFacts): NodeApiError {
	const { message, description, httpCode, itemIndex, body } = facts;
	const safe: JsonObject = { message, ...(httpCode ? { httpCode } : {}), ...(body ? { xapiError: body } : {}) };
	const error = new NodeApiError(nodeForErrors(node), safe, { message, description, httpCode, itemIndex });
	// n8n swaps a message that mentions a network error code (ECONNRESET…) for its own generic one.
	if (error.message !== message) {
		error.message = message;
		error.messages = error.messages.filter((m) => m !== message);
	}
	return error;
}

/**
 * Any failure of the node's own code, as an error n8n passes on unchanged and that carries the
 * node without its parameters. The original is not kept: an n8n error holds the full node.
 */
export function asNodeApiError(node: INode, error: unknown, itemIndex: number): NodeApiError {
	if (error instanceof NodeApiError) {
		(error as { node: INode }).node = nodeForErrors(error.node);
		return error;
	}
	const { message, description, context } = error as { message?: unknown; description?: unknown; context?: { itemIndex?: unknown } };
	return xapiNodeError(node, {
		message: typeof message === 'string' && message !== '' ? message : String(error),
		description: typeof description === 'string' ? description : undefined,
		itemIndex: typeof context?.itemIndex === 'number' ? context.itemIndex : itemIndex,
	});
}

/**
 * A readable NodeApiError built only from safe facts (status, XAPI message): the original error
 * holds the request, with its bearer token, and is not passed on.
 */
export function toNodeApiError(node: INode, failure: FailedResponse, endpoint: Endpoint, itemIndex: number): NodeApiError {
	const { message, description } = messageFor(failure, endpoint);
	const body = failure.body !== undefined && typeof failure.body === 'object' ? (failure.body as JsonObject) : undefined;
	return xapiNodeError(node, { message, description, httpCode: failure.status ? String(failure.status) : undefined, itemIndex, body });
}
