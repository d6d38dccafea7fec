import { NodeApiError } from 'n8n-workflow';
import { asNodeApiError } from '../../shared/transport/errors';
import type { XapiReader, XapiSource } from '../transport/reader';
import type { CursorState } from './state';

const SYSTEM_STATUS: XapiSource = { path: '/SystemStatus' };

/** An update of the PBX is noticed within this time. */
const REREAD_EVERY_MS = 60 * 60 * 1000;

/** [20, 0, 6, 1000] from "20.0.6.1000"; undefined for anything else. */
function parseVersion(text: unknown): number[] | undefined {
	if (typeof text !== 'string' || !/^\d+(\.\d+)+$/.test(text.trim())) return undefined;
	return text.trim().split('.').map(Number);
}

/** Whether `version` is `than` or later, comparing as many parts as `than` has. */
export function versionAtLeast(version: string, than: string): boolean {
	const a = parseVersion(version) ?? [];
	const b = parseVersion(than) ?? [];
	for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
	return true;
}

/**
 * The PBX's version (SystemStatus.Version), read once an hour and kept in the cursor; undefined
 * when the PBX does not say.
 */
export async function pbxVersion(reader: XapiReader, state: CursorState): Promise<string | undefined> {
	const now = Date.now();
	if (typeof state.versionReadAt === 'number' && now - state.versionReadAt < REREAD_EVERY_MS) {
		return typeof state.version === 'string' ? state.version : undefined;
	}
	let status;
	try {
		status = await reader.entity(SYSTEM_STATUS, { $select: 'Version' });
	} catch (error) {
		// A role that may not read the system status: the version stays unknown (taken as current).
		if (!(error instanceof NodeApiError && (error.httpCode === '403' || error.httpCode === '404'))) {
			throw asNodeApiError(reader.context.getNode(), error, 0);
		}
		status = {};
	}
	const version = parseVersion(status.Version) ? String(status.Version).trim() : undefined;
	state.versionReadAt = now;
	if (version === undefined) delete state.version;
	else state.version = version;
	return version;
}
