import { readFileSync } from 'fs';
import { connect, type AddressInfo, type Socket } from 'net';
import { join } from 'path';
import { createServer, type Server } from 'tls';
import { forgetTokens } from '../../nodes/ThreeCx/transport/token';
import { startFakePbx, type FakePbx } from '../fake-pbx';
import { ActiveCallEvents, credentialsFor } from './harness';

/**
 * Ignore SSL Issues reaches the WebSocket: the fake PBX behind a self-signed certificate (a TLS
 * terminator in front of it), REST and socket alike.
 */
const DISPATCHER = Symbol.for('undici.globalDispatcher.1');

let pbx: FakePbx;
let tls: Server;
let url: string;
let trigger: ActiveCallEvents | undefined;
const sockets = new Set<Socket>();

beforeAll(async () => {
	// Jest runs tests in a VM context that lacks the real global's undici dispatcher, which Node
	// itself (and so n8n) has: copy it over, as the node reads it from there.
	const real = require('vm').runInThisContext('globalThis') as Record<symbol, unknown>;
	void (real as { WebSocket?: unknown }).WebSocket;
	(globalThis as Record<symbol, unknown>)[DISPATCHER] ??= real[DISPATCHER];
	pbx = await startFakePbx({ port: 0, clientId: 'demo', clientSecret: 'demo-secret', callHistoryRows: 10 });
	const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'self-signed', name));
	tls = createServer({ key: fixture('key.pem'), cert: fixture('cert.pem') }, (secure) => {
		const plain = connect(pbx.port, '127.0.0.1');
		for (const s of [secure, plain]) {
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
			s.on('error', () => undefined);
		}
		secure.pipe(plain).pipe(secure);
	});
	await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
	url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
});
afterAll(async () => {
	for (const s of sockets) s.destroy();
	await new Promise((resolve) => tls.close(resolve));
	await pbx.stop();
});
beforeEach(forgetTokens);
afterEach(async () => {
	await trigger?.deactivate();
	trigger = undefined;
});

test('with Ignore SSL Issues the trigger listens over wss:// to a self-signed PBX', async () => {
	trigger = new ActiveCallEvents({ events: ['ringing'] }, credentialsFor(pbx, { url, ignoreSslIssues: true }));
	await trigger.activate();
	pbx.callControl.inbound({ from: '+4930123', to: '100' });
	expect(await trigger.waitFor(1)).toEqual([expect.objectContaining({ event: 'ringing', dn: '100', from: '+4930123' })]);
});

test('without it, the activation fails and says the certificate is not trusted', async () => {
	trigger = new ActiveCallEvents({ events: ['ringing'] }, credentialsFor(pbx, { url, ignoreSslIssues: false }));
	await expect(trigger.activate()).rejects.toThrow(/certificate is not trusted/);
	trigger = undefined;
});
