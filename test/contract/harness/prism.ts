import { promises as fs } from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { ANSWERED_BY_UPSTREAM_HEADER, Answerer, ReceivedRequest, startAnswerer } from './answerer';
import { writePrismReadySpec } from './preprocessSpec';
import { PrismProxy, startPrismProxy } from './prismProcess';
import { RawResponse, RequestHeaders, sendVerbatim } from './sendVerbatim';

export type { ReceivedRequest } from './answerer';
export type { RequestHeaders } from './sendVerbatim';

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
	 * it must already be percent-encoded (as encodeURIComponent does: Prism splits a path value
	 * at a raw `,`, so `'a,b'` fails and `'a%2Cb'` passes); an object body is sent as JSON.
	 * Defaults: `authorization: Bearer x`, and `content-type: application/json` with a body.
	 */
	check(method: string, pathAndQuery: string, body?: unknown, headers?: RequestHeaders): Promise<Verdict>;
	/** Stops Prism and the answerer and removes the temporary files; safe to call twice. */
	stop(): Promise<void>;
}

export interface SpecValidatorOptions {
	startupTimeoutMs?: number;
}

const REQUEST_ID_HEADER = 'x-spec-validator-request-id';

/** Validates requests against one 3CX spec version, e.g. '20.0.10', through `prism proxy --errors`. */
export async function startSpecValidator(version: string, options: SpecValidatorOptions = {}): Promise<SpecValidator> {
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `xapi-prism-${version}-`));
	let answerer: Answerer | undefined;
	let prism: PrismProxy | undefined;
	const stopAll = async () => {
		try {
			await prism?.stop();
		} finally {
			await answerer?.stop();
			await fs.rm(workDir, { recursive: true, force: true });
		}
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
			const response = await sendVerbatim(agent, prism.baseUrl, method, pathAndQuery, body, {
				authorization: 'Bearer x',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...lowerCaseNames(headers),
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

function lowerCaseNames(headers: RequestHeaders): RequestHeaders {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function problemIn(response: RawResponse): PrismProblem {
	try {
		return JSON.parse(response.text) as PrismProblem;
	} catch {
		return { type: 'unparsable', title: response.text.slice(0, 500), status: response.status };
	}
}
