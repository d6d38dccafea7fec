/** The token could not be minted; message and description are safe to show (built without the request). */
export class TokenError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'TokenError';
	}
}

/** What a failed request left behind, whatever layer (axios, n8n, our token code) wrapped it. */
export interface FailedResponse {
	status?: number;
	headers: Record<string, unknown>;
	body?: unknown;
	code?: string;
	tokenError?: TokenError;
	/** We gave up because 3CX asked to wait this long, beyond the retry budget. */
	askedToWaitMs?: number;
}

type Wrapped = { cause?: unknown; response?: { status?: number; headers?: Record<string, unknown>; data?: unknown; body?: unknown }; httpCode?: string | null; code?: string };

/** Looks through the wrappers; keeps only status, headers, body and error code — never the request. */
export function inspectFailure(error: unknown): FailedResponse {
	const seen = new Set<unknown>();
	const failure: FailedResponse = { headers: {} };
	let wrapperStatus: number | undefined;
	for (let e = error as Wrapped | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause as Wrapped) {
		seen.add(e);
		if (e instanceof TokenError) failure.tokenError ??= e;
		if (e.response?.status !== undefined && failure.status === undefined) {
			failure.status = e.response.status;
			failure.headers = { ...(e.response.headers ?? {}) };
			failure.body = decodeBody(e.response.data ?? e.response.body);
		}
		if (wrapperStatus === undefined && e.httpCode && /^\d+$/.test(e.httpCode)) wrapperStatus = Number(e.httpCode);
		failure.code ??= e.code;
	}
	failure.status ??= wrapperStatus;
	return failure;
}

export function decodeBody(body: unknown): unknown {
	const isBytes = Buffer.isBuffer(body) || body instanceof ArrayBuffer;
	if (!isBytes && typeof body !== 'string') return body;
	const text = isBytes ? Buffer.from(body as Buffer).toString('utf8') : body;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
