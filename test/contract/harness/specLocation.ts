import * as fs from 'fs';
import * as path from 'path';
import { XAPI_SPEC_DIR } from '../../helpers/xapiSpecs';

/** 3CX's published XAPI specs, one per update; read-only reference data shared by all tests. */
export { XAPI_SPEC_DIR };

export function specFileOf(version: string): string {
	return path.join(XAPI_SPEC_DIR, `${version}.yaml`);
}

/** e.g. ['20.0.4', '20.0.5', …, '20.0.10'], oldest first. */
export function availableSpecVersions(): string[] {
	return fs
		.readdirSync(XAPI_SPEC_DIR)
		.filter((name) => /^\d+\.\d+\.\d+\.yaml$/.test(name))
		.map((name) => name.slice(0, -'.yaml'.length))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
