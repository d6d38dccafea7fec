import type { INode, NodeApiError } from 'n8n-workflow';
import { xapiNodeError } from './errors';
import { inspectFailure, type FailedResponse } from './failure';
import { type Message, unreachable, withAskedWait } from './messages';
import { withTokenRetries } from './refusedToken';
import { withRetries } from './retry';

/**
 * 3CX's Call Control API (V20 Update 4+): REST below /callcontrol and a WebSocket at
 * /callcontrol/ws, with the XAPI bearer token. Facts and sources: test/fake-pbx/README.md.
 */
export const CALL_CONTROL_ROOT = '/callcontrol';

/** What a request is about, for its error message: "make the call" from DN 100, participant 7. */
export interface CallControlTarget {
	what: string;
	dn?: string;
	participantId?: number;
}

/** `/callcontrol/100/participants/7/drop`: every segment percent-encoded (device ids hold `:`, `;`, `@`). */
export function callControlPath(...segments: Array<string | number>): string {
	return [CALL_CONTROL_ROOT, ...segments.map((segment) => encodeURIComponent(String(segment)))].join('/');
}

const API_SETTINGS = '3CX Admin › Integrations › API';

/** 3CX's own words in a CallControlResultResponse (`reasontext`, else a `reason` other than None). */
function reasonText(body: unknown): string | undefined {
	const { reasontext, reason } = (body ?? {}) as { reasontext?: unknown; reason?: unknown };
	if (typeof reasontext === 'string' && reasontext.trim() !== '') return reasontext.trim();
	if (typeof reason === 'string' && reason.trim() !== '' && reason !== 'None') return reason.trim();
	return undefined;
}

function statusMessage(failure: FailedResponse, target: CallControlTarget): Message {
	const said = reasonText(failure.body);
	const saidNote = said ? ` 3CX said: ${said}.` : '';
	switch (failure.status) {
		case 401:
			return { message: '3CX rejected the credential — check Client ID, API key and that Call Control access is enabled for this client' };
		case 403:
			return {
				message: `3CX refused Call Control${target.dn ? ` for DN ${target.dn}` : ''} — the API client has no Call Control access${target.dn ? `, or DN ${target.dn} is not monitored by it` : ''}`,
				description: `In ${API_SETTINGS}, tick "3CX Call Control API Access" for this client and add the extension or route point to it (Enterprise licence).${saidNote}`,
			};
		case 404:
			if (target.participantId !== undefined) {
				return {
					message: `Participant ${target.participantId} of DN ${target.dn} is gone — the call ended or moved to another DN`,
					description: `Call Control › Get Participants shows the DN's calls as they are now.${saidNote}`,
				};
			}
			if (target.dn) return { message: `DN ${target.dn} is not monitored by this API client, or has no such device`, description: `Add the DN to the API client in ${API_SETTINGS}.${saidNote}` };
			return { message: 'This PBX has no Call Control API — it needs 3CX V20 Update 4 or later and an Enterprise licence' };
		case 429:
			return { message: '3CX is rate-limiting requests (HTTP 429)', description: 'Use fewer parallel items or batching.' };
		default:
			if (failure.status && failure.status >= 500) return { message: `3CX failed with HTTP ${failure.status} while trying to ${target.what}${said ? `: ${said}` : ''}` };
			if (failure.status) return { message: `3CX could not ${target.what}${said ? `: ${said}` : ` (HTTP ${failure.status})`}` };
	}
	if (failure.tokenError) return { message: failure.tokenError.message, description: failure.tokenError.description };
	return unreachable(failure.code);
}

/**
 * A 200 answer whose `finalstatus` says 3CX did not do it: -1 (Failed) or 0 (Rejected) in 3CX's
 * examples, a word elsewhere. Undefined when it succeeded or says nothing.
 */
export function refusedResult(body: unknown, target: CallControlTarget): Message | undefined {
	const status = (body as { finalstatus?: unknown } | undefined)?.finalstatus;
	if (status === undefined || status === null || status === 1 || (typeof status === 'string' && /^success/i.test(status))) return undefined;
	const said = reasonText(body);
	return { message: `3CX could not ${target.what}${said ? `: ${said}` : ` (final status ${String(status)})`}` };
}

/**
 * Sends a Call Control request (`send` goes through n8n's authenticated request helper) with the
 * XAPI rules: a refused token is tried again as XAPI's is (refusedToken.ts); a GET is retried
 * while 3CX is busy, a POST (a call action) never, since 3CX may have acted on it. A failure
 * becomes an error that says in words what 3CX answered.
 */
export async function sendCallControl<T>(
	send: () => Promise<T>,
	request: { method: 'GET' | 'POST'; node: INode; target: CallControlTarget; itemIndex?: number },
): Promise<T> {
	return await withRetries(async () => await withTokenRetries(send), {
		retry: request.method === 'GET',
		failureOf: inspectFailure,
		giveUp: (error, askedToWaitMs) => callControlError(request.node, { ...inspectFailure(error), askedToWaitMs }, request.target, request.itemIndex),
	});
}

export function callControlError(node: INode, failure: FailedResponse, target: CallControlTarget, itemIndex?: number): NodeApiError {
	const { message, description } = withAskedWait(statusMessage(failure, target), failure.askedToWaitMs);
	return xapiNodeError(node, { message, description, httpCode: failure.status ? String(failure.status) : undefined, itemIndex });
}
