import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { FailedResponse } from './failure';
import { failureMessage, type RequestTarget, withAskedWait } from './messages';

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

/** The errors xapiNodeError built: safe as they are. */
const safeErrors = new WeakSet<NodeApiError>();

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
	safeErrors.add(error);
	return error;
}

/**
 * Any failure while running the node, as an error n8n passes on unchanged and that carries the
 * node without its parameters. Another error is not kept, only its words: an n8n error holds the
 * full node, and a request error the request.
 */
export function asNodeApiError(node: INode, error: unknown, itemIndex: number): NodeApiError {
	if (error instanceof NodeApiError && safeErrors.has(error)) return error;
	const { message, description, httpCode, context } = error as { message?: unknown; description?: unknown; httpCode?: unknown; context?: { itemIndex?: unknown } };
	return xapiNodeError(node, {
		message: typeof message === 'string' && message !== '' ? message : String(error),
		description: typeof description === 'string' ? description : undefined,
		httpCode: typeof httpCode === 'string' && /^\d+$/.test(httpCode) ? httpCode : undefined,
		itemIndex: typeof context?.itemIndex === 'number' ? context.itemIndex : itemIndex,
	});
}

/**
 * A readable NodeApiError built only from safe facts (status, XAPI message): the original error
 * holds the request, with its bearer token, and is not passed on.
 */
export function toNodeApiError(node: INode, failure: FailedResponse, target: RequestTarget, itemIndex: number): NodeApiError {
	const { message, description } = withAskedWait(failureMessage(failure, target), failure.askedToWaitMs);
	const body = failure.body !== undefined && typeof failure.body === 'object' ? (failure.body as JsonObject) : undefined;
	return xapiNodeError(node, { message, description, httpCode: failure.status ? String(failure.status) : undefined, itemIndex, body });
}
