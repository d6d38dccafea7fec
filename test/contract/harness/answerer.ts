import * as http from 'http';
import * as net from 'net';

/** A request that passed Prism's validation and was forwarded to the answerer. */
export interface ReceivedRequest {
	method: string;
	/** Path exactly as Prism forwarded it (Prism re-encodes, e.g. `'` becomes `%27`). */
	path: string;
	/** `path` percent-decoded, for comparing with what the client meant. */
	decodedPath: string;
	/** Decoded query; a repeated name gives an array. */
	query: Record<string, string | string[]>;
	/** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
	body: unknown;
	headers: http.IncomingHttpHeaders;
}

export interface Answerer {
	readonly url: string;
	readonly received: ReceivedRequest[];
	stop(): Promise<void>;
}

/** Set on every answer, so a caller can tell a forwarded request from one Prism rejected. */
export const ANSWERED_BY_UPSTREAM_HEADER = 'x-answered-by-spec-validator-upstream';

/**
 * 204 without a body: it fits the permissive `default` response of the preprocessed spec, so
 * Prism never rejects the answer. (501 would make Prism mock instead, so never use it.)
 */
const ANSWER_STATUS = 204;

/** Starts the tiny upstream that Prism forwards valid requests to. */
export async function startAnswerer(): Promise<Answerer> {
	const received: ReceivedRequest[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push(recordOf(request, Buffer.concat(chunks).toString('utf8')));
			response.writeHead(ANSWER_STATUS, { [ANSWERED_BY_UPSTREAM_HEADER]: '1' }).end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	server.unref(); // a forgotten stop() must not keep jest alive
	const { port } = server.address() as net.AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function recordOf(request: http.IncomingMessage, text: string): ReceivedRequest {
	const rawUrl = request.url ?? '/';
	const path = rawUrl.split('?')[0];
	const url = new URL(rawUrl, 'http://answerer');
	const query: Record<string, string | string[]> = {};
	for (const name of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(name);
		query[name] = values.length === 1 ? values[0] : values;
	}
	return {
		method: request.method ?? '',
		path,
		decodedPath: safelyDecoded(path),
		query,
		body: parsedBody(text, request.headers['content-type']),
		headers: request.headers,
	};
}

function parsedBody(text: string, contentType: string | undefined): unknown {
	if (text === '') return undefined;
	if (!/json/i.test(contentType ?? '')) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function safelyDecoded(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}
