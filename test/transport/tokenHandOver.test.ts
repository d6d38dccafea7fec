import { REVOKED_WAIT_MS, SAME_ROUND_MS, expired, tokenToHandOver, type IssuedToken, type OwnToken } from '../../nodes/shared/transport/tokenHandOver';

const NOW = 1_800_000_000_000;
/** A JWT as 3CX issues them, expiring at `expiresAt` (ms). */
const jwt = (name: string, expiresAt: number) =>
	[{ alg: 'HS256' }, { exp: Math.floor(expiresAt / 1000), name }, 'signature'].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
const token = (accessToken: string, ageMs: number): IssuedToken => ({ accessToken, accessTokenIssuedAt: NOW - ageMs });
const own = (accessToken: string, ageMs: number, refused = false): OwnToken => ({ ...token(accessToken, ageMs), refused });
const none: IssuedToken = { accessToken: '', accessTokenIssuedAt: 0 };

test("a credential with no token yet gets this process's token, or a new one", () => {
	expect(tokenToHandOver(none, own('own', 10), NOW)).toEqual(token('own', 10));
	expect(tokenToHandOver(none, undefined, NOW)).toBe('mint');
});

test("an empty credential read just after 3CX refused this process's token waits for the other process's newer one", () => {
	expect(tokenToHandOver(none, own('own', 500, true), NOW)).toBe('wait');
	expect(tokenToHandOver(none, own('own', 60_000, true), NOW)).toBe('mint');
});

test("a refused stored token is replaced by this process's newer token", () => {
	expect(tokenToHandOver(token('stored', 60_000), own('own', 10), NOW)).toEqual(token('own', 10));
});

test('a token of the same round is handed over even when its stamp is older: the clocks may order a round wrongly', () => {
	expect(tokenToHandOver(token('stored', 100), own('own', 900), NOW)).toEqual(token('own', 900));
});

test('a token 3CX refused is never handed over', () => {
	expect(tokenToHandOver(token('stored', 100), own('own', 50, true), NOW)).toBe('wait');
	expect(tokenToHandOver(token('stored', 60_000), own('own', 60_000, true), NOW)).toBe('mint');
});

test('a token of an earlier round is not handed over: another process minted since', () => {
	expect(tokenToHandOver(token('stored', 100), own('own', 100 + SAME_ROUND_MS + 1), NOW)).toBe('wait');
	expect(tokenToHandOver(token('stored', 60_000), own('own', 60_000 + SAME_ROUND_MS + 1), NOW)).toBe('mint');
});

test('a stored token refused moments after its issue is not replaced by a mint: another process holds the newer one', () => {
	expect(tokenToHandOver(token('stored', 200), undefined, NOW)).toBe('wait');
	expect(tokenToHandOver(token('stored', 200), own('stored', 200, true), NOW)).toBe('wait');
});

test('a JWT refused before its expiry was revoked: the newer token is waited for a while, then minted (a PBX restart)', () => {
	const live = jwt('stored', NOW + 3_600_000);
	expect(tokenToHandOver(token(live, REVOKED_WAIT_MS - 500), undefined, NOW)).toBe('wait');
	expect(tokenToHandOver(token(live, REVOKED_WAIT_MS), undefined, NOW)).toBe('mint');
});

test('a JWT refused at its expiry is replaced by a mint at once, however young', () => {
	expect(tokenToHandOver(token(jwt('stored', NOW + 500), 1_000), undefined, NOW)).toBe('mint');
});

test('expiry: by the JWT exp claim (with a second of margin), else by age', () => {
	expect(expired(token(jwt('t', NOW + 5_000), 0), NOW)).toBe(false);
	expect(expired(token(jwt('t', NOW + 900), 0), NOW)).toBe(true);
	expect(expired(token('not-a-jwt', SAME_ROUND_MS - 1), NOW)).toBe(false);
	expect(expired(token('not-a-jwt', SAME_ROUND_MS), NOW)).toBe(true);
	expect(expired(token('a.bm90IGpzb24.c', 0), NOW)).toBe(false);
});

test('an expired stored token (older than a round) is replaced by a mint', () => {
	expect(tokenToHandOver(token('stored', SAME_ROUND_MS), undefined, NOW)).toBe('mint');
	expect(tokenToHandOver(token('stored', 3_600_000), own('stored', 3_600_000, true), NOW)).toBe('mint');
});

test('a token stored by an older version of the node, without an issue time, counts as old', () => {
	expect(tokenToHandOver({ accessToken: 'legacy', accessTokenIssuedAt: 0 }, undefined, NOW)).toBe('mint');
	expect(tokenToHandOver({ accessToken: 'legacy', accessTokenIssuedAt: 0 }, own('own', 5), NOW)).toEqual(token('own', 5));
});

test("a stamp far in this clock's future (a skewed clock) is not young forever", () => {
	expect(tokenToHandOver(token('stored', -2 * SAME_ROUND_MS), undefined, NOW)).toBe('mint');
});
