'use strict';
// Request reading and response writing, kept apart from PBX logic.
const { XapiError } = require('./errors');

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The exact content type ASP.NET Core OData answers with. */
const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

/**
 * A response to be written: handlers return these instead of touching `res`,
 * which keeps them easy to test and lets the server add common headers.
 * @typedef {{ status: number, headers: Record<string, string>, body?: Buffer | string }} PbxResponse
 */

/** @returns {PbxResponse} */
function jsonResponse(status, payload, headers = {}) {
	return { status, headers: { 'Content-Type': ODATA_JSON, 'OData-Version': '4.0', ...headers }, body: JSON.stringify(payload) };
}

/** @returns {PbxResponse} */
function emptyResponse(status, headers = {}) {
	return { status, headers, body: undefined };
}

/** @returns {PbxResponse} */
function fileResponse(data, contentType, disposition) {
	return { status: 200, headers: { 'Content-Type': contentType, 'Content-Disposition': disposition }, body: data };
}

/** @param {XapiError} error @returns {PbxResponse} */
function errorResponse(error) {
	return jsonResponse(error.status, error.toBody(), error.headers);
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new XapiError(413, 'The request body is too large.'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** JSON body of a POST/PATCH; OData answers 415 for other media types. */
function parseJsonBody(req, raw) {
	if (raw.length === 0) return {};
	const contentType = String(req.headers['content-type'] || '');
	if (contentType && !/json/i.test(contentType)) {
		throw new XapiError(415, `The content type '${contentType}' is not supported; use application/json.`);
	}
	let body;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch (error) {
		throw new XapiError(400, `The request body is not valid JSON: ${error.message}`);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new XapiError(400, 'The request body must be a JSON object.');
	}
	return body;
}

/**
 * Form fields of an OAuth token request: application/x-www-form-urlencoded
 * or multipart/form-data (3CX's own tutorial posts a FormData).
 * @returns {Map<string, string> | null} null for an unsupported content type
 */
function parseFormBody(contentType, raw) {
	const type = String(contentType || '').toLowerCase();
	if (type.startsWith('application/x-www-form-urlencoded')) {
		return new Map(new URLSearchParams(raw.toString('utf8')));
	}
	const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(contentType || ''));
	if (boundary) return parseMultipart(raw.toString('utf8'), boundary[1] || boundary[2]);
	return null;
}

function parseMultipart(text, boundary) {
	const fields = new Map();
	for (const part of text.split(`--${boundary}`)) {
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd === -1) continue;
		const name = /name="([^"]*)"/i.exec(part.slice(0, headerEnd));
		if (!name) continue;
		fields.set(name[1], part.slice(headerEnd + 4).replace(/\r\n$/, ''));
	}
	return fields;
}

function bearerToken(req) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization || ''));
	return match ? match[1] : null;
}

/** client_secret_basic: "Basic base64(id:secret)". */
function basicCredentials(req) {
	const match = /^Basic\s+(\S+)\s*$/i.exec(String(req.headers.authorization || ''));
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return null;
	return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** @param {import('http').ServerResponse} res @param {PbxResponse} response */
function writeResponse(res, response) {
	const body = response.body === undefined ? undefined : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
	res.writeHead(response.status, { ...response.headers, 'Content-Length': body ? body.length : 0 });
	res.end(body);
}

module.exports = {
	ODATA_JSON,
	jsonResponse,
	emptyResponse,
	fileResponse,
	errorResponse,
	readBody,
	parseJsonBody,
	parseFormBody,
	bearerToken,
	basicCredentials,
	writeResponse,
};
