import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { callControlPath } from '../shared/transport/callControl';
import { xapiNodeError } from '../shared/transport/errors';
import { CallTracker, participantEntity, type CallEvent, type CallEventName, type DnInfo, type Participant, type RawEvent } from './calls';
import { isLasting, type CallControlSession } from './session';
import { openSocket, socketUrl, type OpenSocket } from './socket';
import { wait } from './wait';

/** Waits between reconnect attempts: first, doubling up to max. Tests shorten them. */
export const reconnectTiming = { firstDelayMs: 500, maxDelayMs: 30_000, openTimeoutMs: 15_000 };

export interface StreamOptions {
	/** Only these DNs; undefined: every DN the API client monitors. */
	dns?: Set<string>;
	events: Set<CallEventName>;
}

const SNAPSHOT = { what: 'read the monitored DNs and their calls' };

/**
 * The trigger's connection: opens the Call Control WebSocket, reads every DN's calls after each
 * (re)connect so that changes while it was down still become events, turns socket events into
 * call events one at a time (each upsert is read at once: it may vanish), and reconnects with
 * backoff when the socket drops. Errors that waiting will not cure go to n8n (emitError).
 */
export class CallEventStream {
	private readonly tracker = new CallTracker();
	private socket?: OpenSocket;
	/** Aborted on close: ends every wait (reconnect backoff, open timeout). */
	private readonly stopped = new AbortController();
	private reconnecting = false;
	private closed = false;
	private failures = 0;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly session: CallControlSession,
		private readonly options: StreamOptions,
	) {}

	/**
	 * The first connection: its errors fail the activation (or the editor's test). The calls in
	 * progress are read before the socket opens: they are the starting point, not events; what
	 * changes from then on, even before the socket is open, becomes events (the catch-up after open).
	 */
	async start(): Promise<void> {
		const dns = (await this.session.get(callControlPath(), SNAPSHOT)) as DnInfo[];
		this.tracker.reconcile(Array.isArray(dns) ? dns : [], true);
		await this.connect();
	}

	/** Closes the socket and stops every timer; nothing is emitted afterwards. */
	async close(): Promise<void> {
		this.closed = true;
		this.stopped.abort();
		this.socket?.close();
		this.socket = undefined;
		await this.queue;
	}

	private async connect(): Promise<void> {
		let opened = await this.open(await this.session.socketToken());
		if (!opened && !this.closed) {
			// The built-in WebSocket does not say why the upgrade failed: the same request over REST
			// does, and gets a new token if 3CX refused the one the socket offered.
			await this.session.get(callControlPath(), SNAPSHOT);
			opened = await this.open(await this.session.socketToken());
			if (!opened && !this.closed) {
				throw xapiNodeError(this.context.getNode(), {
					message: `The Call Control WebSocket of the PBX did not open (${socketUrl(this.session.pbxUrl)})`,
					description: this.session.insecure
						? "Its REST API answers. Ignore SSL Issues does not reach Node's built-in WebSocket, which always checks the certificate: give the PBX a trusted certificate, or add its certificate to n8n's NODE_EXTRA_CA_CERTS. A proxy in front of 3CX may also not pass WebSockets on."
						: 'Its REST API answers. A proxy in front of 3CX may not pass WebSockets on.',
				});
			}
		}
		if (opened) await opened.caughtUp;
	}

	/**
	 * Opens a socket; resolves once it is open with the catch-up of that connection (settled when the
	 * catch-up is done), or undefined when it closed before opening.
	 */
	private async open(token: string): Promise<{ caughtUp: Promise<void> } | undefined> {
		if (this.closed) return undefined;
		return await new Promise((resolve) => {
			let catchUp: Promise<void> | undefined;
			const opening = new AbortController();
			const socket = openSocket(socketUrl(this.session.pbxUrl), token, {
				onOpen: () => {
					opening.abort();
					// Queued before any message of this socket: the snapshot first, then the events.
					catchUp = this.enqueue(() => this.catchUp());
					resolve({ caughtUp: catchUp });
				},
				onMessage: (text) => void this.enqueue(() => this.handle(text)),
				onClose: (wasOpen) => {
					opening.abort();
					if (this.socket === socket) this.socket = undefined;
					if (wasOpen) this.dropped();
					else resolve(undefined);
				},
			});
			// Closed on purpose (deactivation, the open timeout), the socket calls nothing back.
			const close = socket.close;
			socket.close = () => {
				close();
				opening.abort();
				if (this.socket === socket) this.socket = undefined;
				if (!catchUp) resolve(undefined);
			};
			this.socket = socket;
			void wait(reconnectTiming.openTimeoutMs, AbortSignal.any([opening.signal, this.stopped.signal])).then((elapsed) => {
				if (elapsed) socket.close();
			});
		});
	}

	private async catchUp(): Promise<void> {
		const dns = (await this.session.get(callControlPath(), SNAPSHOT)) as DnInfo[];
		const events = this.tracker.reconcile(Array.isArray(dns) ? dns : [], false);
		this.failures = 0;
		this.emit(events);
	}

	private async handle(text: string): Promise<void> {
		let message: RawEvent;
		try {
			message = JSON.parse(text) as RawEvent;
		} catch {
			return;
		}
		const entity = participantEntity(message.event?.entity);
		if (!entity || !this.wanted(entity.dn)) return;
		switch (message.event?.event_type) {
			case 0:
				return await this.upserted(entity.dn, entity.id, message);
			case 1:
				return this.emit(this.tracker.remove(entity.dn, entity.id, message, false));
			case 2: {
				const digits = (message.event.attached_data as { dtmf_input?: unknown } | null)?.dtmf_input;
				return this.emit(this.tracker.dtmf(entity.dn, entity.id, typeof digits === 'string' ? digits : '', message));
			}
		}
	}

	/** An upsert names the participant only: its state is read at once, before it can vanish. */
	private async upserted(dn: string, id: number, message: RawEvent): Promise<void> {
		let participant: Participant;
		try {
			participant = (await this.session.get(callControlPath(dn, 'participants', id), { what: `read participant ${id}`, dn, participantId: id })) as Participant;
		} catch (error) {
			// Gone already: its remove event follows. Anything else: the next catch-up corrects it.
			if (!(error instanceof NodeApiError && error.httpCode === '404')) this.context.logger.warn(`3CX Call Events: ${(error as Error).message}`);
			return;
		}
		this.emit(this.tracker.upsert(participant, message, false));
	}

	private wanted(dn: string): boolean {
		return this.options.dns === undefined || this.options.dns.has(dn);
	}

	private emit(events: CallEvent[]): void {
		if (this.closed) return;
		for (const event of events) {
			if (!this.wanted(event.dn) || !this.options.events.has(event.name)) continue;
			this.context.emit([this.context.helpers.returnJsonArray([event.item])]);
		}
	}

	/** Runs jobs one at a time, in arrival order; a failing job does not stop the next. */
	private async enqueue(job: () => Promise<void>): Promise<void> {
		const run = this.queue.then(async () => (this.closed ? undefined : await job()));
		this.queue = run.catch(() => undefined);
		return await run;
	}

	private dropped(): void {
		this.context.logger.info('3CX Call Events: the Call Control WebSocket closed; reconnecting');
		this.scheduleReconnect();
	}

	private scheduleReconnect(): void {
		if (this.closed || this.reconnecting) return;
		const delay = Math.min(reconnectTiming.maxDelayMs, reconnectTiming.firstDelayMs * 2 ** this.failures);
		this.failures++;
		this.reconnecting = true;
		void wait(delay, this.stopped.signal).then((elapsed) => {
			this.reconnecting = false;
			if (elapsed && !this.closed) this.connect().catch((error) => this.connectFailed(error));
		});
	}

	private connectFailed(error: unknown): void {
		if (this.closed) return;
		this.socket?.close();
		this.socket = undefined;
		if (isLasting(error)) {
			this.closed = true;
			this.context.emitError(error as Error);
			return;
		}
		this.context.logger.warn(`3CX Call Events: reconnecting failed (${(error as Error).message}); trying again`);
		this.scheduleReconnect();
	}
}
