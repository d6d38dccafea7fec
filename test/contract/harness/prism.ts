import { promises as fs } from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { ANSWERED_BY_UPSTREAM_HEADER, Answerer, ReceivedRequest, startAnswerer } from './answerer';
import { writePrismReadySpec } from './preprocessSpec';
import { PrismProxy, startPrismProxy } from './prismProcess';

export type { ReceivedRequest } from './answerer';

/** Prism's application/problem+json rejection. */
export interface PrismProblem {
	type: string;
	title: string;
	status: number;
	detail?: string;
	validation?: Array<{ location?: string[]; severity: string; code?: string | number; message: string }>;
}

export interface Verdict {
	/** Prism found the request valid and forwarded it. */
	ok: boolean;
	status: number;
	/** Why Prism rejected the request (404 no such path, 405 method, 401 no bearer token, 422 invalid). */
	problem?: PrismProblem;
	/** The request as it reached the upstream, when it did. */
	forwarded?: ReceivedRequest;
}

/** Header names in lower case; `undefined` drops a default header (e.g. `authorization`). */
export type RequestHeaders = Record<string, string | undefined>;

export interface SpecValidator {
	readonly version: string;
	/** Send XAPI requests to `${baseUrl}/xapi/v1/...` as to a PBX, with `Authorization: Bearer …`. */
	readonly baseUrl: string;
	/** Requests Prism accepted and forwarded, in arrival order. */
	readonly received: ReceivedRequest[];
	/** Process group of Prism, for leak checks. */
	readonly pid: number;
	/**
	 * Sends one request and reports Prism's verdict. `pathAndQuery` goes on the wire verbatim, so
	 * it must already be percent-encoded; an object body is sent as JSON.
	 */
	check(method: string, pathAndQuery: string, body?: unknown, headers?: RequestHeaders): Promise<Verdict>;
	/** Stops Prism and the answerer and removes the temporary files; safe to call twice. */
	stop(): Promise<void>;
}

export interface SpecValidatorOptions {
	startupTimeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 15_000;
const REQUEST_ID_HEADER = 'x-spec-validator-request-id';

/** Validates requests against one 3CX spec version, e.g. '20.0.10', through `prism proxy --errors`. */
export async function startSpecValidator(version: string, options: SpecValidatorOptions = {}): Promise<SpecValidator> {
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `xapi-prism-${version}-`));
	let answerer: Answerer | undefined;
	let prism: PrismProxy | undefined;
	const stopAll = async () => {
		await prism?.stop();
		await answerer?.stop();
		await fs.rm(workDir, { recursive: true, force: true });
	};
	try {
		const specFile = await writePrismReadySpec(version, workDir);
		answerer = await startAnswerer();
		prism = await startPrismProxy({
			specFile,
			upstreamUrl: answerer.url,
			logFile: path.join(workDir, 'prism.log'),
			startupTimeoutMs: options.startupTimeoutMs,
		});
	} catch (error) {
		await stopAll();
		throw error;
	}
	return createValidator(version, prism, answerer, stopAll);
}

function createValidator(
	version: string,
	prism: PrismProxy,
	answerer: Answerer,
	stopAll: () => Promise<void>,
): SpecValidator {
	const agent = new http.Agent({ keepAlive: true });
	let requestCount = 0;
	let stopping: Promise<void> | undefined;

	return {
		version,
		baseUrl: prism.baseUrl,
		received: answerer.received,
		pid: prism.pid,
		async check(method, pathAndQuery, body, headers = {}) {
			const requestId = `${++requestCount}`;
			const response = await send(agent, prism.baseUrl, method, pathAndQuery, body, {
				authorization: 'Bearer x',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
				[REQUEST_ID_HEADER]: requestId,
			});
			const ok = response.headers[ANSWERED_BY_UPSTREAM_HEADER] !== undefined;
			return {
				ok,
				status: response.status,
				problem: ok ? undefined : problemIn(response),
				forwarded: ok ? answerer.received.find((r) => r.headers[REQUEST_ID_HEADER] === requestId) : undefined,
			};
		},
		stop() {
			stopping ??= (async () => {
				agent.destroy();
				await stopAll();
			})();
			return stopping;
		},
	};
}

interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
}

function send(
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
		// `path` rather than a URL string: a URL would be normalised (dot segments, escaping)
		// and the test would no longer see what the client sent.
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
		request.on('error', reject);
		request.end(payload);
	});
}

function problemIn(response: RawResponse): PrismProblem {
	try {
		return JSON.parse(response.text) as PrismProblem;
	} catch {
		return { type: 'unparsable', title: response.text.slice(0, 500), status: response.status };
	}
}
