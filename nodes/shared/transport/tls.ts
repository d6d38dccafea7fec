import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Whether the credential accepts a PBX certificate that cannot be validated (self-signed). The one
 * place that reads the credential's TLS field, so renaming that field changes one line.
 */
export function ignoresCertificateErrors(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.ignoreSslIssues === true;
}
