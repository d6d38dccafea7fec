import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/** The spec says JSON for every answer, but downloads come back as CSV, WAV, ZIP…: trust Content-Type. */
export function isJsonResponse(response: IN8nHttpFullResponse): boolean {
	const type = String(response.headers?.['content-type'] ?? '');
	return type === '' || /[/+]json\b/i.test(type);
}

export function responseBuffer(response: IN8nHttpFullResponse): Buffer {
	const body = response.body as unknown;
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.from(body === undefined ? '' : JSON.stringify(body));
}

export class MalformedResponseError extends Error {}

export function responseJson(response: IN8nHttpFullResponse): unknown {
	const buffer = responseBuffer(response);
	if (buffer.length === 0) return undefined;
	try {
		return JSON.parse(buffer.toString('utf8'));
	} catch {
		throw new MalformedResponseError(`3CX answered HTTP ${response.statusCode} with a body that is not valid JSON`);
	}
}

const EXTENSIONS: Record<string, string> = {
	'text/csv': 'csv',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/mpeg': 'mp3',
	'application/zip': 'zip',
	'application/x-zip-compressed': 'zip',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** filename*=UTF-8''… (RFC 5987) wins over filename="…". */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall back to the plain parameter
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
	const name = plain ? (plain[2] ?? plain[1]).trim() : undefined;
	return name || undefined;
}

/** A file answer as one item: the file in the binary property, its facts in json. */
export async function fileItem(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	fileStem: string,
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	const mimeType = String(response.headers?.['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const fileName =
		fileNameFromDisposition(response.headers?.['content-disposition'] as string | undefined) ??
		`${fileStem}.${EXTENSIONS[mimeType.toLowerCase()] ?? 'bin'}`;
	const buffer = responseBuffer(response);
	const binary = await context.helpers.prepareBinaryData(buffer, fileName, mimeType);
	const json: IDataObject = { fileName, mimeType, fileSize: buffer.length };
	return { json, binary: { [binaryPropertyName]: binary } };
}
