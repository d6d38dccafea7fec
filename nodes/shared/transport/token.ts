import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { inspectFailure, TokenError } from './failure';
import { type Message, TOKEN_REFUSED, unreachable, withAskedWait } from './messages';
import { pbxBaseUrl } from './pbx';
import { withRetries } from './retry';
import { ignoresCertificateErrors } from './tls';
import { REVOKED_WAIT_MS, tokenToHandOver, type IssuedToken } from './tokenHandOver';

/**
 * 3CX keeps one active token per API client: minting a new one revokes the previous. So every
 * caller in this process shares one token per client and at most one mint in flight — n8n runs a
 * node's items concurrently, and each would otherwise mint its own and revoke the others'.
 * Across processes (n8n's queue mode) the credential row is the only shared state: see
 * tokenHandOver.ts.
 */
interface ClientTokens {
	current?: IssuedToken;
	minting?: Promise<IssuedToken>;
	/** Tokens 3CX refused in this process's sight, newest last: never handed over again. */
	refused: string[];
}

/**
 * Each process waits a little longer than REVOKED_WAIT_MS, by its own random share of this: when
 * the process holding the live token has gone idle, the others would otherwise mint at once.
 */
const REVOKED_WAIT_SPREAD_MS = 3_000;
const revokedWaitOfThisProcess = REVOKED_WAIT_MS + Math.floor(Math.random() * REVOKED_WAIT_SPREAD_MS);

const REFUSED_KEPT = 16;

/** Wall clock, so issue times compare between processes; tests replace it. */
export const tokenClock = { now: (): number => Date.now() };

const clients = new Map<string, ClientTokens>();

function clientKey(credentials: ICredentialDataDecryptedObject): string {
	const secret = createHash('sha256').update(String(credentials.apiKey ?? '')).digest('hex');
	return `${pbxBaseUrl(credentials)}\u0000${String(credentials.clientId ?? '')}\u0000${secret}`;
}

async function mint(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<IssuedToken> {
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
				skipSslCertificateValidation: ignoresCertificateErrors(credentials),
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
	return { accessToken: response.access_token, accessTokenIssuedAt: tokenClock.now() };
}

function describeTokenFailure(url: string, error: unknown): Message {
	const { status, code } = inspectFailure(error);
	if (status === 400 || status === 401) {
		return { message: TOKEN_REFUSED.message };
	}
	if (status) return { message: `3CX's token endpoint ${url} answered HTTP ${status}` };
	return unreachable(code, url);
}

/** The token stored in the credential, as n8n read it for the request that called us. */
function storedToken(credentials: ICredentialDataDecryptedObject): IssuedToken {
	const issuedAt = Number(credentials.accessTokenIssuedAt);
	return {
		accessToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : '',
		// Stored by an older version of this node, or never: as old as can be.
		accessTokenIssuedAt: Number.isFinite(issuedAt) ? issuedAt : 0,
	};
}

/**
 * n8n saves what this returns in the credential: the token, with when it was issued, so that every
 * n8n process (queue-mode workers) can tell which of two tokens is newer. Nothing (no token) when
 * another process holds the newer token: n8n then saves nothing and the request fails with 401;
 * withTokenRetries sends it again with the credential read anew.
 */
export async function accessTokenFor(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken | Record<string, never>> {
	const key = clientKey(credentials);
	const client = clients.get(key) ?? { refused: [] };
	clients.set(key, client);
	if (client.minting) return await client.minting;
	const stored = storedToken(credentials);
	// n8n passes a stored token only after 3CX refused it (or to test the credential).
	if (stored.accessToken !== '' && !client.refused.includes(stored.accessToken)) {
		client.refused = [...client.refused, stored.accessToken].slice(-REFUSED_KEPT);
	}
	const own = client.current && { ...client.current, refused: client.refused.includes(client.current.accessToken) };
	const decision = tokenToHandOver(stored, own, tokenClock.now(), revokedWaitOfThisProcess);
	if (decision === 'wait') return {};
	if (decision !== 'mint') return decision;
	client.minting = mint(helpers, credentials)
		.then((token) => {
			client.current = token;
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
