import type { Server } from 'http';
import type { AddressInfo } from 'net';

/**
 * Listens on 127.0.0.1 at a free port. The server stops itself after `maxLifetimeMs`, so a test
 * that dies before its afterAll leaves nothing running; stop() is idempotent.
 */
export async function listenLocally(server: Server, maxLifetimeMs: number): Promise<{ port: number; stop(): Promise<void> }> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= new Promise<void>((resolve) => {
			clearTimeout(lifetime);
			server.close(() => resolve());
			server.closeAllConnections();
		}));
	const lifetime = setTimeout(() => void stop(), maxLifetimeMs);
	lifetime.unref();
	return { port: (server.address() as AddressInfo).port, stop };
}
