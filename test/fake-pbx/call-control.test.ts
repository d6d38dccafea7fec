import { startFakePbx, type FakePbx } from '.';

/** The fake's Call Control socket (websocket.js, RFC 6455) as a standard WebSocket client sees it. */
let pbx: FakePbx;
beforeEach(async () => (pbx = await startFakePbx({ port: 0, callHistoryRows: 1 })));
afterEach(async () => await pbx.stop());

async function token(): Promise<string> {
	const response = await fetch(`${pbx.url}/connect/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'client_id=demo&client_secret=demo-secret&grant_type=client_credentials',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

interface Client {
	messages: string[];
	closed: Promise<number>;
	socket: { send(text: string): void; close(): void };
}

async function connect(bearer: string | undefined): Promise<Client | 'refused'> {
	const WebSocket = (globalThis as unknown as { WebSocket: new (url: string, init: object) => Client['socket'] & Record<string, unknown> }).WebSocket;
	const socket = new WebSocket(`${pbx.url.replace('http', 'ws')}/callcontrol/ws`, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
	const messages: string[] = [];
	let closedWith: (code: number) => void = () => undefined;
	const closed = new Promise<number>((resolve) => (closedWith = resolve));
	socket.onmessage = (event: { data: string }) => messages.push(event.data);
	socket.onclose = (event: { code: number }) => closedWith(event.code);
	return await new Promise((resolve) => {
		socket.onopen = () => resolve({ messages, closed, socket });
		socket.onerror = () => resolve('refused');
	});
}

test('refuses an upgrade without a live token', async () => {
	expect(await connect(undefined)).toBe('refused');
	expect(await connect('not-a-token')).toBe('refused');
	expect(pbx.stats.unauthorized).toBe(2);
});

test('frames long and short messages both ways, and closes the socket of a revoked token', async () => {
	const client = (await connect(await token())) as Client;
	const [server] = [...(pbx.callControl.sockets as Set<{ socket: { send(text: string): void; received: string[] } }>)];
	for (const length of [10, 200, 70_000]) server.socket.send('x'.repeat(length));
	client.socket.send('y'.repeat(300));
	const call = pbx.callControl.inbound({ from: '+1', to: '100' });
	await new Promise((resolve) => setTimeout(resolve, 100));
	expect(client.messages.slice(0, 3).map((m) => m.length)).toEqual([10, 200, 70_000]);
	expect(JSON.parse(client.messages[3])).toEqual({ sequence: 1, event: { event_type: 0, entity: `/callcontrol/100/participants/${pbx.callControl.ofCall(call)[0].id}`, attached_data: null } });
	expect(server.socket.received).toEqual(['y'.repeat(300)]);
	await token(); // a new token revokes the socket's
	expect(await client.closed).toBe(1008);
});

test('a restart cuts the sockets and keeps the calls', async () => {
	const client = (await connect(await token())) as Client;
	const call = pbx.callControl.inbound({ from: '+1', to: '101' });
	await pbx.restart(50);
	expect(await client.closed).toBe(1006);
	expect(pbx.callControl.ofCall(call)).toEqual([expect.objectContaining({ dn: '101', status: 'Ringing' })]);
	expect(await connect(await token())).not.toBe('refused');
});
