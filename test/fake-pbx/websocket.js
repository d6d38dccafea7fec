'use strict';
// The server side of RFC 6455, as much as the Call Control socket needs: the opening handshake,
// text frames to the client, and the client's close, ping and (ignored) text frames. Client
// frames are masked (RFC 6455 §5.3); server frames are not. No extensions, no fragmentation
// of what we send.
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODES = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa };

/** The Sec-WebSocket-Accept value for a client's key (RFC 6455 §4.2.2). */
function acceptKey(key) {
	return crypto.createHash('sha1').update(`${key}${GUID}`).digest('base64');
}

function frame(opcode, payload) {
	const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload ?? '', 'utf8');
	let header;
	if (data.length < 126) {
		header = Buffer.from([0x80 | opcode, data.length]);
	} else if (data.length < 65536) {
		header = Buffer.alloc(4);
		header[0] = 0x80 | opcode;
		header[1] = 126;
		header.writeUInt16BE(data.length, 2);
	} else {
		header = Buffer.alloc(10);
		header[0] = 0x80 | opcode;
		header[1] = 127;
		header.writeBigUInt64BE(BigInt(data.length), 2);
	}
	return Buffer.concat([header, data]);
}

/** Reads whole frames off the front of `buffer`; returns them and the unread rest. */
function readFrames(buffer) {
	const frames = [];
	let offset = 0;
	for (;;) {
		if (buffer.length - offset < 2) break;
		const first = buffer[offset];
		const second = buffer[offset + 1];
		let length = second & 0x7f;
		let cursor = offset + 2;
		if (length === 126) {
			if (buffer.length - cursor < 2) break;
			length = buffer.readUInt16BE(cursor);
			cursor += 2;
		} else if (length === 127) {
			if (buffer.length - cursor < 8) break;
			length = Number(buffer.readBigUInt64BE(cursor));
			cursor += 8;
		}
		const masked = (second & 0x80) !== 0;
		const maskLength = masked ? 4 : 0;
		if (buffer.length - cursor < maskLength + length) break;
		const mask = masked ? buffer.subarray(cursor, cursor + 4) : undefined;
		cursor += maskLength;
		const payload = Buffer.from(buffer.subarray(cursor, cursor + length));
		if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
		frames.push({ opcode: first & 0x0f, payload });
		offset = cursor + length;
	}
	return { frames, rest: buffer.subarray(offset) };
}

/**
 * One accepted socket. `send` writes a text message; `close` starts the closing handshake (and
 * cuts the TCP connection shortly after, as servers do); `drop` cuts it at once without a close
 * frame, like a crashed PBX or a broken network.
 */
class ServerSocket {
	constructor(socket, onClose) {
		this.socket = socket;
		this.open = true;
		this.received = [];
		let pending = Buffer.alloc(0);
		socket.on('data', (chunk) => {
			const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
			pending = rest;
			for (const { opcode, payload } of frames) this.onFrame(opcode, payload);
		});
		const finish = () => {
			if (!this.open) return;
			this.open = false;
			onClose(this);
		};
		socket.on('close', finish);
		socket.on('error', finish);
	}

	onFrame(opcode, payload) {
		if (opcode === OPCODES.ping) this.write(frame(OPCODES.pong, payload));
		else if (opcode === OPCODES.close) this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
		else if (opcode === OPCODES.text) this.received.push(payload.toString('utf8'));
	}

	write(data) {
		if (this.open && !this.socket.destroyed) this.socket.write(data);
	}

	send(text) {
		this.write(frame(OPCODES.text, text));
	}

	close(code = 1000, reason = '') {
		const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
		payload.writeUInt16BE(code, 0);
		payload.write(reason, 2);
		this.write(frame(OPCODES.close, payload));
		this.socket.end();
		setTimeout(() => this.socket.destroy(), 200).unref();
	}

	drop() {
		this.socket.destroy();
	}
}

/**
 * Completes the opening handshake of an 'upgrade' request, or refuses it with an HTTP status.
 * @returns {ServerSocket | undefined}
 */
function acceptUpgrade(req, socket, onClose) {
	const key = req.headers['sec-websocket-key'];
	if (String(req.headers.upgrade || '').toLowerCase() !== 'websocket' || !key) {
		refuseUpgrade(socket, 400, 'Bad Request');
		return undefined;
	}
	socket.write(
		['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${acceptKey(key)}`, '', ''].join('\r\n'),
	);
	socket.setNoDelay(true);
	return new ServerSocket(socket, onClose);
}

/** Answers an upgrade request with a plain HTTP error and closes the connection. */
function refuseUpgrade(socket, status, text, headers = {}) {
	const lines = [`HTTP/1.1 ${status} ${text}`, 'Content-Length: 0', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
	socket.end(lines.join('\r\n'));
}

module.exports = { acceptUpgrade, refuseUpgrade };
