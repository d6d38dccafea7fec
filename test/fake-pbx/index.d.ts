// Types for the fake 3CX PBX (plain CommonJS in index.js), for TypeScript tests.

export interface FakePbxOptions {
	/** 0 (default) picks a free port. The server always binds 127.0.0.1. */
	port?: number;
	clientId?: string;
	clientSecret?: string;
	/** Further API clients besides clientId/clientSecret; each has its own single live token. */
	clients?: Array<{ clientId: string; clientSecret: string }>;
	tokenLifetimeSeconds?: number;
	/** Unit of expires_in: by default as `version` does ('minutes' before 20.0.9, 'seconds' from 20.0.9). */
	expiresInUnit?: 'seconds' | 'minutes';
	/** Rows in CallHistoryView, built lazily (100 000 is fine). Default 6000. */
	callHistoryRows?: number;
	/** Calls in the call log (GetCallLogData) on 20.0.6 and later, after CallHistoryView's. Default 500. */
	callLogRows?: number;
	/** $top above this on entity collections answers 3CX's 400 (default 100; 0: no limit). */
	topLimit?: number;
	/** A GetCallLogData period longer than this answers 504 (default 366). */
	callLogMaxRangeDays?: number;
	seed?: number;
	/**
	 * Sent as X-3CX-Version on every XAPI response and in SystemStatus.Version. Before 20.0.7,
	 * LastCdrAndChatMessageTimestamp answers 404 as it did then; from 20.0.6 new calls go to the call
	 * log (GetCallLogData), not CallHistoryView; before 20.0.9 expires_in is in minutes.
	 */
	version?: string;
	/** Delay added to every response (also --latency-ms on the CLI). */
	latencyMs?: number;
	/** The DNs the API client monitors through Call Control. Default: route point = clientId, extensions 100–102. */
	callControlDns?: Array<{ dn: string; type: string; devices?: CallControlDevice[] }>;
	/**
	 * For demos: an outside caller rings extension 100 this often (ms), answered or missed in turn;
	 * POST /demo/call (?missed=true|false) places one now. 0: on demand only. Undefined: neither.
	 */
	demoCallsEveryMs?: number;
}

export interface CallControlDevice {
	dn: string;
	device_id: string;
	user_agent: string;
}

/** A CallParticipant as /callcontrol answers it. */
export interface CallParticipant {
	id: number;
	status: string;
	dn: string;
	party_caller_name: string;
	party_dn: string;
	party_caller_id: string;
	party_did: string;
	device_id: string;
	party_dn_type: string;
	direct_control: boolean;
	originated_by_dn: string;
	originated_by_type: string;
	referred_by_dn: string;
	referred_by_type: string;
	on_behalf_of_dn: string;
	on_behalf_of_type: string;
	callid: number;
	legid: number;
}

export interface CallControlEvent {
	sequence: number;
	event: { event_type: number; entity: string; attached_data: Record<string, unknown> | null };
}

/** The fake's Call Control API: its calls, sockets and a script for tests (call-control.js). */
export interface FakeCallControl {
	/** Every event sent on /callcontrol/ws, in order (also those no socket was open for). */
	events: CallControlEvent[];
	/** Every /callcontrol REST request (authorised ones), in order. */
	requests: Array<{ method: string; path: string; body?: Record<string, unknown> }>;
	sockets: Set<unknown>;
	/** An outside caller rings a monitored DN; returns the call id. */
	inbound(call: { from: string; to: string; did?: string; name?: string }): number;
	/** A monitored DN calls out; returns the call id. */
	outbound(call: { from: string; to: string; deviceId?: string }): number;
	answer(callid: number): void;
	/** The connected party hands the call to `toDn`, which rings. */
	transfer(callid: number, toDn: string): void;
	hangUp(callid: number): void;
	dtmf(callid: number, digits: string): void;
	/** Cuts every socket without a close frame. */
	dropSockets(): void;
	/** Every current participant of every monitored DN. */
	all(): CallParticipant[];
	ofCall(callid: number): CallParticipant[];
}

/** A call in neutral terms for FakePbx.addCall; further fields are written into the row as they are. */
export interface NewCall extends PbxRecord {
	/** Caller's extension or number (default '100'). */
	from?: string;
	/** Callee's extension or number (default '101'). */
	to?: string;
	/** ISO start time (default: now). */
	startTime?: string;
	/** Length in seconds (default 30). */
	seconds?: number;
	answered?: boolean;
}

export interface FakePbxStats {
	mints: number;
	rejectedMints: number;
	requests: number;
	unauthorized: number;
	injectedFaults: number;
	/** "METHOD /Template" → count, e.g. "GET /Users({Id})", "POST /connect/token". */
	byRoute: Record<string, number>;
}

export interface FaultSpec {
	status?: number;
	retryAfter?: number;
	times?: number;
	scope?: 'xapi' | 'token' | 'all';
	/** Only requests whose "METHOD /Template" contains this string (or matches this RegExp). */
	route?: string | RegExp;
	message?: string;
}

/** A record as XAPI returns it; fields vary by entity set and 3CX update. */
export type PbxRecord = Record<string, any>;

/** Array-like list whose rows are generated on first access (CallHistoryView). */
export interface RowList<T> {
	readonly length: number;
	at(index: number): T | undefined;
	push(...rows: T[]): number;
	toArray(): T[];
	[Symbol.iterator](): Iterator<T>;
}

export interface FakePbxState {
	Users: PbxRecord[];
	Groups: PbxRecord[];
	Queues: PbxRecord[];
	RingGroups: PbxRecord[];
	Receptionists: PbxRecord[];
	CallFlowApps: PbxRecord[];
	Trunks: PbxRecord[];
	Parkings: PbxRecord[];
	Fax: PbxRecord[];
	Contacts: PbxRecord[];
	OutboundRules: PbxRecord[];
	Backups: PbxRecord[];
	Recordings: PbxRecord[];
	ActiveCalls: PbxRecord[];
	EventLogs: PbxRecord[];
	AuditLog: PbxRecord[];
	CallHistoryView: RowList<PbxRecord>;
	/** The call log of 20.0.6+ (rows of GetCallLogData, keyed by CdrId); empty before 20.0.6. */
	CallLog: RowList<PbxRecord>;
	ChatHistoryView: PbxRecord[];
	ChatMessagesHistoryView: PbxRecord[];
	MonitorStatus: PbxRecord[];
	NotificationSettings: PbxRecord;
	ChatLogSettings: PbxRecord;
	LoggingSettings: PbxRecord;
	SystemStatus: PbxRecord;
	SystemParameters: PbxRecord;
	Defs: PbxRecord;
}

export interface FakePbx {
	/** "http://127.0.0.1:PORT" (XAPI is below /xapi/v1, tokens at /connect/token). */
	url: string;
	port: number;
	stats: FakePbxStats;
	state: FakePbxState;
	/** Every token minted so far answers 401 from now on. */
	expireTokens(): void;
	/**
	 * Once: after `requests` more authorized XAPI requests the next one answers 401 as if its
	 * token had just expired, and every live token is dropped. Tokens minted afterwards live on.
	 */
	expireTokensAfter(requests: number): void;
	/** The next `times` matching requests answer `status` (default 503, once, XAPI only). */
	failNext(fault?: FaultSpec): void;
	clearFaults(): void;
	/**
	 * Runs `handler` whenever a matching XAPI request arrives, before it is answered (after the
	 * statistics count it), e.g. to write records while a client is paging. Returns a remover.
	 */
	onRequest(route: string | RegExp, handler: (request: { route: string; query: Record<string, string> }) => void): () => void;
	/** Adds a record as the PBX would (key and missing fields filled in) and returns it. */
	add(setName: keyof FakePbxState | string, partial?: PbxRecord): PbxRecord;
	/** Updates the PBX in place to `version`: new calls go where that update keeps them. */
	setVersion(version: string): void;
	/**
	 * A call that just ended, written where this update keeps calls: a call-log row (GetCallLogData)
	 * from 20.0.6, a CallHistoryView row before. Other fields are written as given. Returns the row.
	 */
	addCall(call?: NewCall): PbxRecord;
	/** Zeroes the statistics in place (the stats object stays the same). */
	resetStats(): void;
	callControl: FakeCallControl;
	/** Like a PBX going down: connections and sockets cut, the port closed (data and tokens kept). */
	down(): Promise<void>;
	/** Listens again on the same port. */
	up(): Promise<void>;
	/** down(), `downMs` of silence, up(). */
	restart(downMs?: number): Promise<void>;
	/** Closes the server and every open connection. */
	stop(): Promise<void>;
}

export declare function startFakePbx(options?: FakePbxOptions): Promise<FakePbx>;

export declare const DEFAULTS: Required<Omit<FakePbxOptions, 'clients'>>;
