/**
 * The Call Control WebSocket through Node's built-in WebSocket (undici; global from Node 22, which
 * n8n 2.x requires). Node's WebSocket takes undici's non-standard init as its second argument:
 * `headers` carries the bearer token (3CX reads it from the upgrade request, not the URL), and a
 * `dispatcher` with its own TLS settings lets a self-signed PBX certificate through.
 */

/** The part of the WHATWG WebSocket this node uses. */
interface BuiltInWebSocket {
	readonly readyState: number;
	onopen: (() => void) | null;
	onmessage: ((event: { data: unknown }) => void) | null;
	onclose: ((event: { code: number; reason: string }) => void) | null;
	onerror: ((event: unknown) => void) | null;
	close(code?: number, reason?: string): void;
}

type WebSocketConstructor = new (url: string, init: { headers: Record<string, string>; dispatcher?: unknown }) => BuiltInWebSocket;

interface Dispatcher {
	close(): Promise<void>;
}
type AgentConstructor = new (options: { connect: { rejectUnauthorized: boolean } }) => Dispatcher;

export class NoWebSocketError extends Error {
	constructor() {
		super(
			`This n8n runs on Node.js ${process.versions.node}, which has no built-in WebSocket: the 3CX Call Events Trigger needs Node.js 22 or later (n8n 2.x requires it)`,
		);
	}
}

/** Node's WebSocket class; NoWebSocketError on a Node.js without one. */
export function builtInWebSocket(): WebSocketConstructor {
	const constructor = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
	if (typeof constructor !== 'function') throw new NoWebSocketError();
	return constructor;
}

/**
 * An undici Agent that accepts any certificate. Node bundles undici without exporting it; the
 * global dispatcher fetch and WebSocket use is one of its Agents (undici's documented global
 * symbol), and its constructor makes another.
 */
function insecureDispatcher(): Dispatcher {
	const global = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')] as { constructor?: AgentConstructor } | undefined;
	const Agent = global?.constructor;
	if (typeof Agent !== 'function') throw new Error('Ignore SSL Issues is not available for the WebSocket on this Node.js: give the PBX a trusted certificate');
	return new Agent({ connect: { rejectUnauthorized: false } });
}

/** wss://pbx:5001/callcontrol/ws for https://pbx:5001 (ws:// for plain http). */
export function socketUrl(pbxUrl: string): string {
	return `${pbxUrl.replace(/^http(s?):\/\//i, 'ws$1://')}/callcontrol/ws`;
}

export interface SocketHandlers {
	onOpen(): void;
	onMessage(text: string): void;
	/** Once, whether it opened or not. */
	onClose(opened: boolean): void;
}

export interface OpenSocket {
	/** Closes the socket and its TLS agent; no handler is called afterwards. */
	close(): void;
}

export function openSocket(url: string, token: string, insecure: boolean, handlers: SocketHandlers): OpenSocket {
	const WebSocket = builtInWebSocket();
	const dispatcher = insecure ? insecureDispatcher() : undefined;
	const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` }, ...(dispatcher ? { dispatcher } : {}) });
	let opened = false;
	let done = false;
	const finish = () => {
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
		void dispatcher?.close().catch(() => undefined);
	};
	socket.onopen = () => {
		opened = true;
		handlers.onOpen();
	};
	socket.onmessage = (event) => {
		if (typeof event.data === 'string') handlers.onMessage(event.data);
		else if (event.data instanceof ArrayBuffer) handlers.onMessage(Buffer.from(event.data).toString('utf8'));
	};
	const closed = () => {
		if (done) return;
		done = true;
		finish();
		handlers.onClose(opened);
	};
	socket.onclose = closed;
	// The standard says close follows every error; Node 20's undici leaves a refused connection
	// CONNECTING with no close. An error ends the socket here either way.
	socket.onerror = () => {
		closed();
		try {
			socket.close();
		} catch {
			// not open: nothing to close
		}
	};
	return {
		close: () => {
			if (done) return;
			done = true;
			finish();
			try {
				socket.close(1000, 'workflow deactivated');
			} catch {
				// closing a socket that never opened can throw; it is gone either way
			}
		},
	};
}
