import { readFileSync } from 'fs';
import { connect, type AddressInfo, type Socket } from 'net';
import { join } from 'path';
import { createServer, type Server } from 'tls';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { startFakePbx, type FakePbx } from '../fake-pbx';
import { ActiveCallEvents, credentialsFor } from './harness';

/**
 * A self-signed PBX (the fake behind a TLS terminator). Ignore SSL Issues covers the REST reads;
 * Node's built-in WebSocket always checks the certificate (n8n's rules for verified nodes leave
 * no way to hand it another TLS setting), and the activation says what to do.
 */
let pbx: FakePbx;
let tls: Server;
let url: string;
let trigger: ActiveCallEvents | undefined;
const sockets = new Set<Socket>();

beforeAll(async () => {
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

test('with Ignore SSL Issues the REST reads go through, and the WebSocket’s certificate check is explained', async () => {
	trigger = new ActiveCallEvents({ events: ['ringing'] }, credentialsFor(pbx, { url, ignoreSslIssues: true }));
	const error = await trigger.activate().then(
		() => undefined,
		(e: Error & { description?: string }) => e,
	);
	trigger = undefined;
	expect(error?.message).toMatch(/Call Control WebSocket of the PBX did not open/);
	expect(error?.description).toMatch(/give the PBX a trusted certificate, or add its certificate to n8n's NODE_EXTRA_CA_CERTS/);
	expect(pbx.stats.byRoute['GET /callcontrol']).toBeGreaterThan(0);
});

test('without it, the activation fails and says the certificate is not trusted', async () => {
	trigger = new ActiveCallEvents({ events: ['ringing'] }, credentialsFor(pbx, { url, ignoreSslIssues: false }));
	await expect(trigger.activate()).rejects.toThrow(/certificate is not trusted/);
	trigger = undefined;
});
