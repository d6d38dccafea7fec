import { readFileSync } from 'fs';
import { createServer, type Server } from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';

export interface SelfSignedServer {
	/** `https://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	close(): Promise<void>;
}

/** A PBX stand-in behind a self-signed certificate (test/fixtures/self-signed), on 127.0.0.1. */
export async function startSelfSignedServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<SelfSignedServer> {
	const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'self-signed', name));
	const server: Server = createServer({ key: fixture('key.pem'), cert: fixture('cert.pem') }, handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
