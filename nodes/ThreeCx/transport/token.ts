import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { inspectFailure, TokenError } from './failure';
import { type Message, unreachable, withAskedWait } from './messages';
import { withRetries } from './retry';

export { TokenError };

/**
 * 3CX keeps one active token per API client: minting a new one revokes the previous. So every
 * caller in this process shares one token per client and at most one mint in flight — n8n runs a
 * node's items concurrently, and each would otherwise mint its own and revoke the others'.
 */
interface ClientTokens {
	token?: string;
	minting?: Promise<string>;
}

const clients = new Map<string, ClientTokens>();

export function pbxBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

function clientKey(credentials: ICredentialDataDecryptedObject): string {
	const secret = createHash('sha256').update(String(credentials.apiKey ?? '')).digest('hex');
	return `${pbxBaseUrl(credentials)}\u0000${String(credentials.clientId ?? '')}\u0000${secret}`;
}

async function mint(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<string> {
	const url = `${pbxBaseUrl(credentials)}/connect/token`;
	const form = new URLSearchParams({
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.apiKey ?? ''),
		grant_type: 'client_credentials',
	});
	// A failed mint issues no token, so a busy token endpoint is retried like a read.
	const response = await withRetries(
		async () =>
			(await helpers.httpRequest({
				method: 'POST',
				url,
				body: form.toString(),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				skipSslCertificateValidation: credentials.ignoreSslIssues === true,
				json: true,
			})) as { access_token?: unknown },
		{
			retry: true,
			failureOf: inspectFailure,
			// The request error carries the form (with the API key) in its config: keep only safe facts.
			giveUp: (error, askedToWaitMs) => {
				const { message, description } = withAskedWait(describeTokenFailure(url, error), askedToWaitMs);
				return new TokenError(message, description);
			},
		},
	);
	if (typeof response?.access_token !== 'string' || response.access_token === '') {
		throw new TokenError(`3CX answered ${url} without an access token`);
	}
	return response.access_token;
}

function describeTokenFailure(url: string, error: unknown): Message {
	const { status, code } = inspectFailure(error);
	if (status === 400 || status === 401) {
		return { message: '3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client' };
	}
	if (status) return { message: `3CX's token endpoint ${url} answered HTTP ${status}` };
	return unreachable(code, url);
}

/**
 * n8n calls this when the stored token is empty, and again with the same token after a 401.
 * A token other than the one presented is newer (another item or execution minted it): reuse it.
 */
export async function accessTokenFor(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const key = clientKey(credentials);
	const client = clients.get(key) ?? {};
	clients.set(key, client);
	if (client.minting) return await client.minting;
	const presented = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (client.token && client.token !== presented) return client.token;
	client.minting = mint(helpers, credentials)
		.then((token) => {
			client.token = token;
			return token;
		})
		.finally(() => {
			client.minting = undefined;
		});
	return await client.minting;
}

/** For tests: forget every cached token. */
export function forgetTokens(): void {
	clients.clear();
}
