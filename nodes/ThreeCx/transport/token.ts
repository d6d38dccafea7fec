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
 * Across processes (n8n's queue mode) the credential row is the only shared state: see
 * tokenToHandOver.
 */
export type IssuedToken = {
	accessToken: string;
	/** When this process received it (ms since the epoch): comparable across n8n's processes. */
	accessTokenIssuedAt: number;
};

interface ClientTokens {
	current?: IssuedToken;
	minting?: Promise<IssuedToken>;
	/** Tokens 3CX refused in this process's sight, newest last: never handed over again. */
	refused: string[];
}

/**
 * Tokens issued this close together belong to one round of mints by several n8n processes (a
 * fresh credential, an expiry, a PBX restart): only 3CX knows which of them is live, and the
 * processes' clocks may order them wrongly, so a process's own token of the same round may be the
 * live one. Also the age from which a refused token whose expiry is unknown counts as expired:
 * well under the shortest token lifetime worth supporting.
 */
export const SAME_ROUND_MS = 3_000;

/**
 * A token refused before it expired, this soon after its issue, was revoked by another process's
 * newer mint, which that process saves and hands over when it meets the refused one: wait for it.
 * Later, nobody has a newer one (a PBX restart): mint. A busy machine's executions start and save
 * seconds late.
 */
export const REVOKED_WAIT_MS = 6_000;

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

export function pbxBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

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
	return { accessToken: response.access_token, accessTokenIssuedAt: tokenClock.now() };
}

function describeTokenFailure(url: string, error: unknown): Message {
	const { status, code } = inspectFailure(error);
	if (status === 400 || status === 401) {
		return { message: '3CX rejected the credential — check Client ID, API key and that XAPI access is enabled for this client' };
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

export type OwnToken = IssuedToken & { refused: boolean };

/**
 * What to do when n8n asks for a token: hand over this process's own (unless 3CX refused it),
 * wait for the newer one another process holds, or mint. n8n asks when the stored token is
 * empty, and again with the stored token after 3CX refused it (401).
 */
export function tokenToHandOver(
	stored: IssuedToken,
	own: OwnToken | undefined,
	now: number,
	revokedWaitMs: number = REVOKED_WAIT_MS,
): IssuedToken | 'wait' | 'mint' {
	const usable = own && !own.refused ? { accessToken: own.accessToken, accessTokenIssuedAt: own.accessTokenIssuedAt } : undefined;
	const revokedLately = (token: IssuedToken) => !expired(token, now) && Math.abs(now - token.accessTokenIssuedAt) < revokedWaitMs;
	if (stored.accessToken === '') {
		if (usable) return usable;
		// 3CX refused ours lately: another process has minted since (the stored token was read
		// before that process saved it).
		return own && revokedLately(own) ? 'wait' : 'mint';
	}
	// Another process may have stored a token of the same round, or an older one, after ours:
	// ours, not refused yet, may then be the live one.
	if (usable && usable.accessToken !== stored.accessToken && usable.accessTokenIssuedAt > stored.accessTokenIssuedAt - SAME_ROUND_MS) return usable;
	// Minting now would revoke the newer token another process holds.
	if (revokedLately(stored) || (own && revokedLately(own))) return 'wait';
	return 'mint';
}

/**
 * Whether the token's lifetime is over: by its JWT `exp` claim (3CX's tokens are JWTs; seconds,
 * so with a second's margin), else once it is older than a round of mints.
 */
export function expired(token: IssuedToken, now: number): boolean {
	const expiresAt = jwtExpiry(token.accessToken);
	if (expiresAt !== undefined) return now >= expiresAt - 1_000;
	return Math.abs(now - token.accessTokenIssuedAt) >= SAME_ROUND_MS;
}

/** The `exp` claim of a JWT in ms, or undefined when the token is not a JWT with one. */
function jwtExpiry(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (payload === undefined) return undefined;
	try {
		const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
		return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
	} catch {
		return undefined;
	}
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
