import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { asNodeApiError, xapiNodeError } from '../../shared/transport/errors';
import { callControlPath, type CallControlTarget, refusedResult, sendCallControl } from '../../shared/transport/callControl';
import { CREDENTIAL_TYPE } from '../../shared/transport/request';
import { ignoresCertificateErrors } from '../../shared/transport/tls';
import { pbxBaseUrl } from '../../shared/transport/pbx';

interface CallControlRequest {
	method: 'GET' | 'POST';
	path: string;
	body?: IDataObject;
	target: CallControlTarget;
	/** A list answer (DNs, participants): one item per entry. */
	list?: true;
}

class BadInput extends Error {
	constructor(
		readonly field: string,
		problem: string,
	) {
		super(`${field} ${problem}`);
	}
}

function text(context: IExecuteSingleFunctions, name: string, label: string): string {
	const value = context.getNodeParameter(name, '') as unknown;
	const given = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (given === '') throw new BadInput(label, 'is empty');
	return given;
}

function participantId(context: IExecuteSingleFunctions): number {
	const value = Number(context.getNodeParameter('callControlParticipantId', 0));
	if (!Number.isInteger(value) || value <= 0) throw new BadInput('Participant ID', `must be a whole number above 0, not ${String(value)}`);
	return value;
}

/** The participant actions: path segment, and what the error says was tried. */
const ACTIONS: Record<string, { segment: string; what: string; destination?: true }> = {
	callControlAnswer: { segment: 'answer', what: 'answer the call' },
	callControlDrop: { segment: 'drop', what: 'drop the call' },
	callControlDivert: { segment: 'divert', what: 'divert the call', destination: true },
	callControlRouteTo: { segment: 'routeto', what: 'route the call', destination: true },
	callControlTransferTo: { segment: 'transferto', what: 'transfer the call', destination: true },
};

function participantAction(context: IExecuteSingleFunctions, operation: string): CallControlRequest {
	const action = ACTIONS[operation];
	const dn = text(context, 'callControlDn', 'DN');
	const id = participantId(context);
	const body: IDataObject = action.destination ? { destination: text(context, 'callControlDestination', 'Destination') } : {};
	if (operation === 'callControlDivert') {
		const { reason } = context.getNodeParameter('callControlDivertOptions', {}) as { reason?: string };
		if (reason) body.reason = reason;
	}
	return { method: 'POST', path: callControlPath(dn, 'participants', id, action.segment), body, target: { what: action.what, dn, participantId: id } };
}

function makeCall(context: IExecuteSingleFunctions): CallControlRequest {
	const dn = text(context, 'callControlDn', 'DN');
	const destination = text(context, 'callControlDestination', 'Destination');
	const { deviceId, timeout } = context.getNodeParameter('callControlMakeCallOptions', {}) as { deviceId?: string; timeout?: number };
	const device = deviceId?.trim();
	const body: IDataObject = { destination, ...(timeout ? { timeout } : {}) };
	const path = device ? callControlPath(dn, 'devices', device, 'makecall') : callControlPath(dn, 'makecall');
	return { method: 'POST', path, body, target: { what: `make the call from ${dn} to ${destination}`, dn } };
}

/** Reads the node parameters of one item into a request; bad input throws before anything is sent. */
function requestFor(context: IExecuteSingleFunctions, operation: string): CallControlRequest {
	if (ACTIONS[operation]) return participantAction(context, operation);
	switch (operation) {
		case 'callControlMakeCall':
			return makeCall(context);
		case 'callControlGetDns':
			return { method: 'GET', path: callControlPath(), target: { what: 'read the monitored DNs' }, list: true };
		case 'callControlGetParticipants': {
			const dn = text(context, 'callControlDn', 'DN');
			return { method: 'GET', path: callControlPath(dn, 'participants'), target: { what: `read the participants of DN ${dn}`, dn }, list: true };
		}
		case 'callControlGetParticipant': {
			const dn = text(context, 'callControlDn', 'DN');
			const id = participantId(context);
			return { method: 'GET', path: callControlPath(dn, 'participants', id), target: { what: `read participant ${id}`, dn, participantId: id } };
		}
	}
	throw new BadInput('Operation', `"${operation}" is not a Call Control operation`);
}

function itemsOf(answer: unknown, list: boolean): INodeExecutionData[] {
	if (list) return (Array.isArray(answer) ? answer : []).map((json) => ({ json: json as IDataObject }));
	if (answer && typeof answer === 'object' && !Array.isArray(answer)) return [{ json: answer as IDataObject }];
	return [{ json: { success: true } }];
}

/**
 * One item of a Call Control operation: the request from the parameters, sent through n8n's
 * authenticated request helper (so the credential's shared token and its one re-mint on 401
 * apply), the answer as items. A 200 whose final status says 3CX refused is an error too.
 */
export async function runCallControl(context: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	try {
		const request = requestFor(context, context.getNodeParameter('operation') as string);
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${pbxBaseUrl(credentials)}${request.path}`,
			headers: { Accept: 'application/json' },
			...(request.body ? { body: request.body } : {}),
			json: true,
			skipSslCertificateValidation: ignoresCertificateErrors(credentials),
		};
		const answer = await sendCallControl(
			async () => (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)) as unknown,
			{ method: request.method, node, target: request.target, itemIndex },
		);
		const refused = refusedResult(answer, request.target);
		if (refused) throw xapiNodeError(node, { ...refused, itemIndex });
		return itemsOf(answer, request.list === true);
	} catch (error) {
		if (error instanceof BadInput) {
			throw xapiNodeError(node, { message: error.message, itemIndex, description: `Nothing was sent to 3CX. Correct "${error.field}" and run the node again.` });
		}
		throw asNodeApiError(node, error, itemIndex);
	}
}
