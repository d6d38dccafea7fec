import { createServer, request as httpRequest } from 'http';
import { listenLocally } from './local-server';

// A pass-through HTTP proxy on 127.0.0.1 that notes each request line before forwarding it, so a
// test can assert the exact XAPI path and query n8n sent (the fake PBX only counts routes).

export interface RecordedRequest {
	method: string;
	/** Path and query exactly as received, still percent-encoded. */
	url: string;
}

export interface RecordingProxy {
	url: string;
	requests: RecordedRequest[];
	stop(): Promise<void>;
}

export async function startRecordingProxy(target: string, { maxLifetimeMs = 10 * 60_000 } = {}): Promise<RecordingProxy> {
	const upstream = new URL(target);
	const requests: RecordedRequest[] = [];
	const server = createServer((incoming, outgoing) => {
		requests.push({ method: incoming.method ?? '', url: incoming.url ?? '' });
		const forwarded = httpRequest(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				method: incoming.method,
				path: incoming.url,
				headers: { ...incoming.headers, host: upstream.host },
			},
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		forwarded.on('error', (error) => {
			if (!outgoing.headersSent) outgoing.writeHead(502);
			outgoing.end(`proxy: ${error.message}`);
		});
		incoming.pipe(forwarded);
	});
	const { port, stop } = await listenLocally(server, maxLifetimeMs);
	return { url: `http://127.0.0.1:${port}`, requests, stop };
}
