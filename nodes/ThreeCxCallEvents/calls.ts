import type { IDataObject } from 'n8n-workflow';

/** A CallParticipant as 3CX answers it (fields the trigger reads; the raw event keeps all). */
export interface Participant {
	id: number;
	status: string;
	dn: string;
	party_caller_name?: string;
	party_dn?: string;
	party_caller_id?: string;
	party_did?: string;
	party_dn_type?: string;
	device_id?: string;
	callid?: number;
	legid?: number;
	[field: string]: unknown;
}

export interface DnInfo {
	dn: string;
	participants?: Participant[];
}

export const CALL_EVENTS = ['ringing', 'dialing', 'answered', 'updated', 'ended', 'dtmf'] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

type Direction = 'inbound' | 'outbound' | 'unknown';

interface Tracked {
	participant: Participant;
	direction: Direction;
	seenAt: number;
	answeredAt?: number;
}

export interface CallEvent {
	name: CallEventName;
	dn: string;
	item: IDataObject;
}

/** What the socket said, kept on every item as `raw`. */
export interface RawEvent {
	sequence?: number;
	event?: { event_type?: number; entity?: string; attached_data?: unknown };
}

/** 3CX's first status for a participant says which way the call goes at that DN. */
function directionOf(status: string): Direction {
	if (status === 'Ringing') return 'inbound';
	if (status === 'Dialing') return 'outbound';
	return 'unknown';
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Fields whose change is a participant change worth an `updated` event. */
const WATCHED: Array<keyof Participant> = ['status', 'party_caller_name', 'party_dn', 'party_caller_id', 'party_did', 'party_dn_type', 'device_id'];

/**
 * The calls the trigger knows of, one entry per participant (a DN's leg of a call), and the
 * events each change means: first seen Ringing → ringing, Dialing → dialing; becoming Connected →
 * answered; removed → ended (with the talk time when it was answered); other changes → updated.
 */
export class CallTracker {
	private readonly known = new Map<string, Tracked>();

	constructor(private readonly now: () => number = Date.now) {}

	upsert(participant: Participant, raw: RawEvent, caughtUp: boolean): CallEvent[] {
		const key = `${participant.dn}/${participant.id}`;
		const tracked = this.known.get(key);
		const now = this.now();
		if (!tracked) {
			const fresh: Tracked = { participant, direction: directionOf(participant.status), seenAt: now, answeredAt: participant.status === 'Connected' ? now : undefined };
			this.known.set(key, fresh);
			const name: CallEventName = participant.status === 'Ringing' ? 'ringing' : participant.status === 'Dialing' ? 'dialing' : participant.status === 'Connected' ? 'answered' : 'updated';
			return [this.event(name, fresh, raw, caughtUp)];
		}
		const previous = tracked.participant;
		tracked.participant = participant;
		if (participant.status === 'Connected' && previous.status !== 'Connected') {
			tracked.answeredAt = now;
			return [this.event('answered', tracked, raw, caughtUp)];
		}
		const changed = WATCHED.filter((field) => previous[field] !== participant[field]);
		return changed.length ? [this.event('updated', tracked, raw, caughtUp, { changed: changed as string[] })] : [];
	}

	remove(dn: string, id: number, raw: RawEvent, caughtUp: boolean): CallEvent[] {
		const key = `${dn}/${id}`;
		const tracked = this.known.get(key) ?? { participant: { id, dn, status: '' }, direction: 'unknown', seenAt: this.now() };
		this.known.delete(key);
		const endedAt = this.now();
		const { answeredAt, direction } = tracked;
		return [
			this.event('ended', tracked, raw, caughtUp, {
				endedAt: iso(endedAt),
				durationSeconds: answeredAt === undefined ? null : Math.round((endedAt - answeredAt) / 1000),
				missed: direction === 'inbound' && answeredAt === undefined,
			}),
		];
	}

	dtmf(dn: string, id: number, digits: string, raw: RawEvent): CallEvent[] {
		const tracked = this.known.get(`${dn}/${id}`) ?? { participant: { id, dn, status: '' }, direction: 'unknown', seenAt: this.now() };
		return [this.event('dtmf', tracked, raw, false, { digits })];
	}

	/**
	 * Brings the known calls in line with a snapshot of every DN (GET /callcontrol): what changed
	 * while the socket was down becomes events, marked caughtUp. The first snapshot only records.
	 */
	reconcile(dns: DnInfo[], baseline: boolean): CallEvent[] {
		const events: CallEvent[] = [];
		const present = new Set<string>();
		for (const info of dns) {
			for (const participant of info.participants ?? []) {
				present.add(`${participant.dn}/${participant.id}`);
				events.push(...this.upsert(participant, {}, true));
			}
		}
		for (const [key, tracked] of [...this.known]) {
			if (present.has(key)) continue;
			events.push(...this.remove(tracked.participant.dn, tracked.participant.id, {}, true));
		}
		return baseline ? [] : events;
	}

	private event(name: CallEventName, tracked: Tracked, raw: RawEvent, caughtUp: boolean, extra: IDataObject = {}): CallEvent {
		const p = tracked.participant;
		const party = p.party_caller_id || p.party_dn || '';
		const outbound = tracked.direction === 'outbound';
		const item: IDataObject = {
			event: name,
			dn: p.dn,
			participantId: p.id,
			callId: p.callid ?? null,
			legId: p.legid ?? null,
			status: p.status,
			direction: tracked.direction,
			from: outbound ? p.dn : party,
			to: outbound ? party : p.dn,
			partyName: p.party_caller_name ?? '',
			partyNumber: p.party_caller_id ?? '',
			partyDn: p.party_dn ?? '',
			partyType: p.party_dn_type ?? '',
			external: p.party_dn_type === 'Wexternalline',
			did: p.party_did ?? '',
			deviceId: p.device_id ?? '',
			startedAt: iso(tracked.seenAt),
			answeredAt: iso(tracked.answeredAt),
			caughtUp,
			...extra,
			raw: { ...(raw as IDataObject), participant: p as IDataObject },
		};
		return { name, dn: p.dn, item };
	}
}

/** `/callcontrol/100/participants/7` → { dn: '100', id: 7 }; undefined for other entities. */
export function participantEntity(entity: unknown): { dn: string; id: number } | undefined {
	if (typeof entity !== 'string') return undefined;
	const match = /^\/callcontrol\/([^/]+)\/participants\/(\d+)$/.exec(entity);
	if (!match) return undefined;
	try {
		return { dn: decodeURIComponent(match[1]), id: Number(match[2]) };
	} catch {
		return undefined;
	}
}
