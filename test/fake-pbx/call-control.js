'use strict';
// 3CX's Call Control API: DNs the API client monitors, their devices and call participants,
// the REST routes under /callcontrol and the events on /callcontrol/ws. Shapes and facts: the
// "Call Control" section of README.md. Tests script calls through the methods of CallControl.

const EXTERNAL_TYPE = 'Wexternalline';
const TRUNK_DN = '10000';

function device(dn, port) {
	return { dn, device_id: `sip:${dn}@127.0.0.1:${port};rinstance=${dn}0f3a9c`, user_agent: '3CX Phone System' };
}

function defaultDns(clientId) {
	return [
		{ dn: clientId, type: 'Wroutepoint', devices: [] },
		{ dn: '100', type: 'Wextension', devices: [device('100', 5063), device('100', 5483)] },
		{ dn: '101', type: 'Wextension', devices: [device('101', 5064)] },
		{ dn: '102', type: 'Wextension', devices: [device('102', 5065)] },
	];
}

/** A CallParticipant as 3CX answers it: every field present, empty strings where there is no value. */
function participantRecord(fields) {
	return {
		id: 0,
		status: '',
		dn: '',
		party_caller_name: '',
		party_dn: '',
		party_caller_id: '',
		party_did: '',
		device_id: '',
		party_dn_type: '',
		direct_control: false,
		originated_by_dn: '',
		originated_by_type: 'None',
		referred_by_dn: '',
		referred_by_type: 'None',
		on_behalf_of_dn: '',
		on_behalf_of_type: 'None',
		callid: 0,
		legid: 0,
		...fields,
	};
}

/** An error answer: the status, and a CallControlResultResponse carrying 3CX's reason in words. */
class CallControlError extends Error {
	constructor(status, reasontext, reason = 'None') {
		super(reasontext);
		this.status = status;
		this.reason = reason;
	}

	toResponse() {
		const body = this.status === 401 ? undefined : { finalstatus: 'Failed', reason: this.reason, result: null, reasontext: this.message };
		return { status: this.status, headers: body ? { 'Content-Type': 'application/json; charset=utf-8' } : {}, body: body ? JSON.stringify(body) : undefined };
	}
}

class CallControl {
	/** @param {{ clientId: string, dns?: Array<{ dn: string, type: string, devices?: object[] }> }} options */
	constructor({ clientId, dns }) {
		/** dn → { dn, type, devices, participants: Map<id, participant> } */
		this.dns = new Map((dns ?? defaultDns(clientId)).map((d) => [d.dn, { dn: d.dn, type: d.type, devices: d.devices ?? [], participants: new Map() }]));
		this.sequence = 0;
		this.nextParticipantId = 1;
		this.nextCallId = 1;
		/** Open sockets: { socket, token } */
		this.sockets = new Set();
		/** Every event sent (or that would have been, with no socket open), in order. */
		this.events = [];
		/** Every REST request: { method, path, body }. */
		this.requests = [];
	}

	// ---- what the PBX holds -------------------------------------------------------------

	dnInfo(entry) {
		return { dn: entry.dn, type: entry.type, devices: entry.devices, participants: [...entry.participants.values()] };
	}

	monitored(dn) {
		return this.dns.get(dn);
	}

	/** Every participant, of every call, as { dn, participant }. */
	all() {
		return [...this.dns.values()].flatMap((entry) => [...entry.participants.values()]);
	}

	ofCall(callid) {
		return this.all().filter((p) => p.callid === callid);
	}

	// ---- events -------------------------------------------------------------------------

	emit(eventType, participant, attachedData = null) {
		const message = {
			sequence: ++this.sequence,
			event: { event_type: eventType, entity: `/callcontrol/${participant.dn}/participants/${participant.id}`, attached_data: attachedData },
		};
		this.events.push(message);
		const text = JSON.stringify(message);
		for (const { socket } of this.sockets) socket.send(text);
	}

	upsert(participant) {
		this.emit(0, participant);
	}

	/** Adds a participant at a monitored DN (none elsewhere: the client cannot see it). */
	addParticipant(dn, fields) {
		const entry = this.monitored(dn);
		if (!entry) return undefined;
		const participant = participantRecord({ id: this.nextParticipantId++, dn, device_id: entry.devices[0]?.device_id ?? '', ...fields });
		entry.participants.set(participant.id, participant);
		this.upsert(participant);
		return participant;
	}

	removeParticipant(participant) {
		const entry = this.monitored(participant.dn);
		if (!entry?.participants.delete(participant.id)) return;
		this.emit(1, participant);
	}

	setStatus(participant, status) {
		participant.status = status;
		this.upsert(participant);
	}

	// ---- scripting (tests and the demo) ---------------------------------------------------

	/** An outside caller rings a monitored DN. Returns the call id. */
	inbound({ from, to, did = '+4930123450', name = '' }) {
		const callid = this.nextCallId++;
		const participant = this.addParticipant(to, {
			status: 'Ringing',
			party_caller_name: name,
			party_dn: TRUNK_DN,
			party_caller_id: from,
			party_did: did,
			party_dn_type: EXTERNAL_TYPE,
			callid,
			legid: 1,
		});
		if (!participant) throw new Error(`DN ${to} is not monitored by the fake PBX's API client`);
		return callid;
	}

	/** A monitored DN calls out (as makecall does). Returns the call id. */
	outbound({ from, to, deviceId }) {
		const callid = this.nextCallId++;
		const internal = this.monitored(to);
		this.addParticipant(from, {
			status: 'Dialing',
			party_dn: internal ? to : TRUNK_DN,
			party_caller_id: to,
			party_dn_type: internal ? internal.type : EXTERNAL_TYPE,
			...(deviceId ? { device_id: deviceId } : {}),
			direct_control: true,
			callid,
			legid: 1,
		});
		if (internal) {
			this.addParticipant(to, { status: 'Ringing', party_dn: from, party_caller_id: from, party_dn_type: this.monitored(from).type, callid, legid: 2 });
		}
		return callid;
	}

	/** Every ringing or dialing participant of the call is connected. */
	answer(callid) {
		for (const p of this.ofCall(callid)) if (p.status !== 'Connected') this.setStatus(p, 'Connected');
	}

	/** The connected party at a monitored DN hands the call to `toDn`, which rings. */
	transfer(callid, toDn, from = this.ofCall(callid).find((p) => p.status === 'Connected') ?? this.ofCall(callid)[0]) {
		if (!from) throw new Error(`No call ${callid}`);
		this.removeParticipant(from);
		this.addParticipant(toDn, { ...pick(from), status: 'Ringing', referred_by_dn: from.dn, referred_by_type: this.monitored(from.dn).type, legid: from.legid + 1 });
	}

	hangUp(callid) {
		for (const p of this.ofCall(callid)) this.removeParticipant(p);
	}

	/** Digits the caller keyed in (event_type 2). */
	dtmf(callid, digits) {
		const [participant] = this.ofCall(callid);
		if (participant) this.emit(2, participant, { dtmf_input: digits });
	}

	// ---- sockets --------------------------------------------------------------------------

	attach(socket, token) {
		const entry = { socket, token };
		this.sockets.add(entry);
		return () => this.sockets.delete(entry);
	}

	/** Cuts every socket without a close frame (a broken network, a crashed PBX). */
	dropSockets() {
		for (const { socket } of this.sockets) socket.drop();
		this.sockets.clear();
	}

	/** Closes the sockets whose token no longer passes `isLive` (revoked or expired). */
	closeSocketsWithout(isLive) {
		for (const entry of this.sockets) {
			if (isLive(entry.token)) continue;
			entry.socket.close(1008, 'token revoked');
			this.sockets.delete(entry);
		}
	}

	// ---- REST ---------------------------------------------------------------------------

	/** Answers a request below /callcontrol (already authorised). @returns {import('./http-io').PbxResponse} */
	handle(method, path, body) {
		this.requests.push({ method, path, body });
		try {
			return json(200, this.route(method, path.split('/').slice(2).map(decodeURIComponent), body));
		} catch (error) {
			if (error instanceof CallControlError) return error.toResponse();
			throw error;
		}
	}

	route(method, [dn, kind, id, action, extra], body) {
		if (dn === undefined || dn === '') {
			if (method !== 'GET') throw new CallControlError(405, 'Method not allowed');
			return [...this.dns.values()].map((entry) => this.dnInfo(entry));
		}
		const entry = this.monitored(dn);
		// 3CX documents 403 for "no permission"; which status a DN outside the client's scope gets is not documented.
		if (!entry) throw new CallControlError(403, `DN ${dn} is not monitored by this API client`);
		if (kind === undefined) return get(method, () => this.dnInfo(entry));
		if (kind === 'participants') return this.participantRoute(method, entry, id, action, body);
		if (kind === 'devices') {
			if (id === undefined) return get(method, () => entry.devices);
			const found = entry.devices.find((d) => d.device_id === id);
			if (!found) throw new CallControlError(404, `Device ${id} of DN ${dn} not found`);
			if (action === undefined) return get(method, () => found);
			if (action === 'makecall' && extra === undefined && method === 'POST') return this.makeCall(entry, body, found.device_id);
		}
		if (kind === 'makecall' && id === undefined && method === 'POST') return this.makeCall(entry, body);
		throw new CallControlError(404, 'Not found');
	}

	participantRoute(method, entry, id, action, body) {
		if (id === undefined) return get(method, () => [...entry.participants.values()]);
		const participant = entry.participants.get(Number(id));
		if (!participant) throw new CallControlError(404, `Participant ${id} of DN ${entry.dn} not found`);
		if (action === undefined) return get(method, () => participant);
		if (method !== 'POST') throw new CallControlError(405, 'Method not allowed');
		const act = PARTICIPANT_ACTIONS[action];
		if (!act) throw new CallControlError(404, 'Not found');
		const destination = typeof body?.destination === 'string' ? body.destination.trim() : '';
		if (act.needsDestination && destination === '') throw new CallControlError(400, 'Destination is not specified', 'InvalidDestination');
		act.run(this, participant, destination, body);
		return success(participant);
	}

	makeCall(entry, body, deviceId) {
		const destination = typeof body?.destination === 'string' ? body.destination.trim() : '';
		if (destination === '') throw new CallControlError(400, 'Destination is not specified', 'InvalidDestination');
		const callid = this.outbound({ from: entry.dn, to: destination, deviceId });
		return success(this.ofCall(callid).find((p) => p.dn === entry.dn));
	}
}

/** What each participant action does to the fake's calls. */
const PARTICIPANT_ACTIONS = {
	answer: {
		run: (cc, p) => {
			if (p.status !== 'Ringing') throw new CallControlError(400, `Participant ${p.id} is ${p.status}, not ringing`, 'InvalidState');
			cc.answer(p.callid);
		},
	},
	drop: { run: (cc, p) => cc.hangUp(p.callid) },
	divert: {
		needsDestination: true,
		run: (cc, p, destination) => {
			if (p.status !== 'Ringing') throw new CallControlError(400, `Participant ${p.id} is ${p.status}; only a ringing call can be diverted`, 'InvalidState');
			cc.removeParticipant(p);
			cc.addParticipant(destination, { ...pick(p), status: 'Ringing', legid: p.legid + 1 });
		},
	},
	routeto: {
		needsDestination: true,
		run: (cc, p, destination) => cc.addParticipant(destination, { ...pick(p), status: 'Ringing', legid: p.legid + 1 }),
	},
	transferto: {
		needsDestination: true,
		run: (cc, p, destination) => {
			if (p.status !== 'Connected') throw new CallControlError(400, `Participant ${p.id} is ${p.status}; only a connected call can be transferred`, 'InvalidState');
			cc.transfer(p.callid, destination, p);
		},
	},
	attach_participant_data: { run: () => {} },
};

/** The other party's fields, which move with the call to another DN. */
function pick(p) {
	const { party_caller_name, party_dn, party_caller_id, party_did, party_dn_type, callid } = p;
	return { party_caller_name, party_dn, party_caller_id, party_did, party_dn_type, callid };
}

function get(method, read) {
	if (method !== 'GET') throw new CallControlError(405, 'Method not allowed');
	return read();
}

function success(participant) {
	return { finalstatus: 'Success', reason: 'None', result: participant ?? null, reasontext: '' };
}

function json(status, payload) {
	return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(payload) };
}

module.exports = { CallControl };
