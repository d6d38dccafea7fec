'use strict';
// OAuth client-credentials tokens as 3CX issues them. 3CX keeps a single live
// token per API client: minting a new one silently invalidates the previous
// one, which is exactly the behaviour a node must not trip over.
const crypto = require('crypto');

class TokenStore {
	/**
	 * @param {{ clients: Array<{clientId: string, clientSecret: string}>, lifetimeSeconds: number }} options
	 */
	constructor({ clients, lifetimeSeconds }) {
		this.secrets = new Map(clients.map((c) => [c.clientId, c.clientSecret]));
		this.lifetimeSeconds = lifetimeSeconds;
		/** clientId -> { token, expiresAt } */
		this.active = new Map();
		/** Authorized requests left before every live token expires (expireAfter); undefined: no limit. */
		this.usesLeft = undefined;
	}

	checkClient(clientId, clientSecret) {
		return this.secrets.has(clientId) && this.secrets.get(clientId) === clientSecret;
	}

	mint(clientId) {
		const issuedAt = Math.floor(Date.now() / 1000);
		const expiresAt = Date.now() + this.lifetimeSeconds * 1000;
		const token = makeJwtLookalike({
			client_id: clientId,
			iat: issuedAt,
			exp: issuedAt + this.lifetimeSeconds,
			jti: crypto.randomUUID(),
		});
		this.active.set(clientId, { token, expiresAt });
		return { token, expiresAt };
	}

	/** @returns {{ ok: true, clientId: string } | { ok: false, reason: 'missing'|'unknown'|'expired' }} */
	verify(token) {
		if (!token) return { ok: false, reason: 'missing' };
		for (const [clientId, entry] of this.active) {
			if (entry.token !== token) continue;
			if (Date.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
			if (this.usesLeft === 0) {
				this.usesLeft = undefined;
				this.expireAll();
				return { ok: false, reason: 'expired' };
			}
			if (this.usesLeft !== undefined) this.usesLeft--;
			return { ok: true, clientId };
		}
		return { ok: false, reason: 'unknown' };
	}

	/** Whether a token is current and unexpired; unlike verify, it counts no use. */
	isLive(token) {
		return [...this.active.values()].some((entry) => entry.token === token && Date.now() < entry.expiresAt);
	}

	/** Every token issued so far answers 401 from now on. */
	expireAll() {
		this.active.clear();
	}

	/**
	 * Once: after `requests` more authorized requests, the next one finds its token expired (as if
	 * its lifetime ran out mid-run) and every live token is dropped. Tokens minted later live on.
	 */
	expireAfter(requests) {
		if (!Number.isInteger(requests) || requests < 0) throw new Error('expireTokensAfter needs a non-negative integer');
		this.usesLeft = requests;
	}
}

// Real 3CX tokens are JWTs; clients that peek into them should not choke.
function makeJwtLookalike(payload) {
	const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const signature = crypto.randomBytes(32).toString('base64url');
	return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${signature}`;
}

module.exports = { TokenStore };
