/**
 * Which token a process hands n8n when n8n asks for one, in n8n's queue mode too: several processes
 * (workers) share one credential row, the only state they share, and 3CX keeps one live token per
 * API client. Each process knows its own token and which tokens 3CX refused in its sight.
 */

export type IssuedToken = {
	accessToken: string;
	/** When this process received it (ms since the epoch): comparable across n8n's processes. */
	accessTokenIssuedAt: number;
};

export type OwnToken = IssuedToken & { refused: boolean };

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

