/**
 * The Call Control WebSocket through Node's built-in WebSocket (undici; global from Node 22, which
 * n8n 2.x requires). Node's WebSocket takes undici's non-standard init as its second argument:
 * `headers` carries the bearer token (3CX reads it from the upgrade request, not the URL).
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

type WebSocketConstructor = new (url: string, init: { headers: Record<string, string> }) => BuiltInWebSocket;

/** Node's global WebSocket, typed here: the project compiles without the DOM library. */
declare const WebSocket: WebSocketConstructor | undefined;

export class NoWebSocketError extends Error {
	constructor() {
		super('This Node.js has no built-in WebSocket: the 3CX Call Events Trigger needs Node.js 22 or later (n8n 2.x requires it)');
	}
}

export function hasBuiltInWebSocket(): boolean {
	return typeof WebSocket === 'function';
}

/** Node's WebSocket class; NoWebSocketError on a Node.js without one. */
function builtInWebSocket(): WebSocketConstructor {
	if (typeof WebSocket !== 'function') throw new NoWebSocketError();
	return WebSocket;
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
	/** Closes the socket; no handler is called afterwards. */
	close(): void;
}

export function openSocket(url: string, token: string, handlers: SocketHandlers): OpenSocket {
	const Socket = builtInWebSocket();
	const socket = new Socket(url, { headers: { Authorization: `Bearer ${token}` } });
	let opened = false;
	let done = false;
	const finish = () => {
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
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
