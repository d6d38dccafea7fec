import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ignoresCertificateErrors } from './tls';

/** Where 3CX serves the Configuration API (XAPI) below the PBX URL. */
export const XAPI_ROOT = '/xapi/v1';

/** The credential's PBX URL as typed, without the trailing slashes users often copy along. */
export function pbxBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

export function xapiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return `${pbxBaseUrl(credentials)}${XAPI_ROOT}`;
}

/** Where and how to reach the XAPI, as n8n's request options take it. */
export interface XapiConnection {
	baseURL: string;
	skipSslCertificateValidation: boolean;
}

export function xapiConnection(credentials: ICredentialDataDecryptedObject): XapiConnection {
	return { baseURL: xapiBaseUrl(credentials), skipSslCertificateValidation: ignoresCertificateErrors(credentials) };
}
