import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INode, INodeExecutionData } from 'n8n-workflow';
import { parseJson } from '../helpers/json';
import { xapiNodeError } from './errors';

function contentType(response: IN8nHttpFullResponse): string {
	return String(response.headers?.['content-type'] ?? '')
		.split(';')[0]
		.trim();
}

/**
 * The spec says JSON for every answer, but downloads come back as CSV, WAV, ZIP…: trust
 * Content-Type. Without one, a download is a file unless its body is a JSON object or list.
 */
export function isJsonResponse(response: IN8nHttpFullResponse, download = false): boolean {
	const type = contentType(response);
	if (type !== '') return /[/+]json$/i.test(type);
	return !download || isJsonDocument(responseBuffer(response));
}

function isJsonDocument(body: Buffer): boolean {
	const text = body.toString('utf8').trim();
	if (text === '') return true;
	if (!/^[[{]/.test(text)) return false;
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

export function responseBuffer(response: IN8nHttpFullResponse): Buffer {
	const body = response.body as unknown;
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.from(body === undefined ? '' : JSON.stringify(body));
}

/** The parsed JSON body, undefined for an empty one; a body that is not JSON fails as the node's error. */
export function responseJson(response: IN8nHttpFullResponse, context: { getNode(): INode }): unknown {
	const buffer = responseBuffer(response);
	if (buffer.length === 0) return undefined;
	const parsed = parseJson(buffer.toString('utf8'));
	if (!parsed.ok) {
		// The body itself stays out of the error: it is whatever the server sent.
		throw xapiNodeError(context.getNode(), {
			message: `3CX answered HTTP ${response.statusCode} with a body that is not valid JSON`,
			description: 'Check that the credential\'s PBX URL is the 3CX web client address.',
		});
	}
	return parsed.value;
}

const EXTENSIONS: Record<string, string> = {
	'text/csv': 'csv',
	'text/plain': 'txt',
	'text/html': 'html',
	'text/xml': 'xml',
	'application/xml': 'xml',
	'application/json': 'json',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/mpeg': 'mp3',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'application/ogg': 'ogg',
	'application/zip': 'zip',
	'application/x-zip-compressed': 'zip',
	'application/gzip': 'gz',
	'application/x-gzip': 'gz',
	'application/pdf': 'pdf',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'image/png': 'png',
	'image/jpeg': 'jpg',
};

/** The file extension for a MIME type: a known one, else its subtype ("audio/x-flac" → "flac"). */
export function extensionFor(mimeType: string): string {
	const type = mimeType.toLowerCase();
	if (EXTENSIONS[type]) return EXTENSIONS[type];
	const subtype = (type.split('/')[1] ?? '').split('+')[0].replace(/^x-/, '');
	return /^[a-z0-9][a-z0-9.-]{0,15}$/.test(subtype) && subtype !== 'octet-stream' ? subtype : 'bin';
}

/** Parameters of a header like Content-Disposition, names lower-cased; quoted values unescaped. */
function headerParameters(header: string): Map<string, string> {
	const parameters = new Map<string, string>();
	for (const [, name, raw] of `;${header}`.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
		const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.trim();
		if (!parameters.has(name.toLowerCase())) parameters.set(name.toLowerCase(), value);
	}
	return parameters;
}

/** RFC 5987: charset'language'percent-encoded (UTF-8 or ISO-8859-1). */
function extendedValue(value: string): string | undefined {
	const match = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(value.trim());
	if (!match) return undefined;
	const [, charset, encoded] = match;
	try {
		if (/^utf-8$/i.test(charset)) return decodeURIComponent(encoded);
		// Latin-1 bytes are the first 256 code points.
		if (/^iso-8859-1$/i.test(charset)) return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	} catch {
		// a broken escape: fall back to the plain parameter
	}
	return undefined;
}

/** filename*= (RFC 5987) wins over filename=; only the last path part is kept. */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const parameters = headerParameters(disposition);
	const extended = parameters.get('filename*');
	const name = (extended !== undefined ? extendedValue(extended) : undefined) ?? parameters.get('filename');
	const base = name?.split(/[\\/]/).pop()?.trim();
	return base || undefined;
}

/** A file answer as one item: the file in the binary property, its facts in json. */
export async function fileItem(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	fileStem: string,
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	const mimeType = contentType(response) || 'application/octet-stream';
	const fileName =
		fileNameFromDisposition(response.headers?.['content-disposition'] as string | undefined) ??
		`${fileStem}.${extensionFor(mimeType)}`;
	const buffer = responseBuffer(response);
	const binary = await context.helpers.prepareBinaryData(buffer, fileName, mimeType);
	const json: IDataObject = { fileName, mimeType, fileSize: buffer.length };
	return { json, binary: { [binaryPropertyName]: binary } };
}
