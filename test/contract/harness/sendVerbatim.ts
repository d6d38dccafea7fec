import * as http from 'http';

/** `undefined` drops a default header (e.g. `authorization`). */
export type RequestHeaders = Record<string, string | undefined>;

const REQUEST_TIMEOUT_MS = 15_000;

export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
}

/**
 * A keep-alive socket that the server closes just as we reuse it fails with ECONNRESET before
 * the server saw the request; sending again on a fresh socket is then safe (Node's own advice).
 */
export async function sendVerbatim(...request: Parameters<typeof sendOnce>): Promise<RawResponse> {
	try {
		return await sendOnce(...request);
	} catch (error) {
		if (!(error instanceof StaleSocketError)) throw error;
		return await sendOnce(...request);
	}
}

class StaleSocketError extends Error {}

/**
 * Sends `pathAndQuery` exactly as given: a URL object or string would be normalised (dot
 * segments, escaping) and the test would no longer judge what the client sends. An object
 * body goes as JSON.
 */
function sendOnce(
	agent: http.Agent,
	baseUrl: string,
	method: string,
	pathAndQuery: string,
	body: unknown,
	headers: RequestHeaders,
): Promise<RawResponse> {
	const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
	const definedHeaders = Object.fromEntries(
		Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
	if (payload !== undefined) definedHeaders['content-length'] = String(Buffer.byteLength(payload));
	const { hostname, port } = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ hostname, port, path: pathAndQuery, method, agent, headers: definedHeaders, timeout: REQUEST_TIMEOUT_MS },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`${method} ${pathAndQuery}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
		request.on('error', (error: NodeJS.ErrnoException) =>
			reject(request.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error),
		);
		request.end(payload);
	});
}

