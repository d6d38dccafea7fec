import { SAME_ROUND_MS, tokenToHandOver, type IssuedToken } from '../../nodes/ThreeCx/transport/token';

const NOW = 1_800_000_000_000;
const token = (accessToken: string, ageMs: number): IssuedToken => ({ accessToken, accessTokenIssuedAt: NOW - ageMs });
const none: IssuedToken = { accessToken: '', accessTokenIssuedAt: 0 };

test("a credential with no token yet gets this process's token, or a new one", () => {
	expect(tokenToHandOver(none, token('own', 10), NOW)).toEqual(token('own', 10));
	expect(tokenToHandOver(none, undefined, NOW)).toBe('mint');
});

test("a refused stored token is replaced by this process's newer token", () => {
	expect(tokenToHandOver(token('stored', 60_000), token('own', 10), NOW)).toEqual(token('own', 10));
});

test('a token of the same round is handed over even when its stamp is older: the clocks may order a round wrongly', () => {
	expect(tokenToHandOver(token('stored', 100), token('own', 900), NOW)).toEqual(token('own', 900));
});

test('a token of an earlier round is not handed over: another process minted since', () => {
	expect(tokenToHandOver(token('stored', 100), token('own', 100 + SAME_ROUND_MS + 1), NOW)).toBe('superseded');
	expect(tokenToHandOver(token('stored', 60_000), token('own', 60_000 + SAME_ROUND_MS + 1), NOW)).toBe('mint');
});

test('a stored token refused moments after its issue is not replaced by a mint: another process holds the newer one', () => {
	expect(tokenToHandOver(token('stored', 200), undefined, NOW)).toBe('superseded');
	expect(tokenToHandOver(token('stored', 200), token('stored', 200), NOW)).toBe('superseded');
});

test('an expired stored token (older than a round) is replaced by a mint', () => {
	expect(tokenToHandOver(token('stored', SAME_ROUND_MS), undefined, NOW)).toBe('mint');
	expect(tokenToHandOver(token('stored', 3_600_000), token('stored', 3_600_000), NOW)).toBe('mint');
});

test('a token stored by an older version of the node, without an issue time, counts as old', () => {
	expect(tokenToHandOver({ accessToken: 'legacy', accessTokenIssuedAt: 0 }, undefined, NOW)).toBe('mint');
	expect(tokenToHandOver({ accessToken: 'legacy', accessTokenIssuedAt: 0 }, token('own', 5), NOW)).toEqual(token('own', 5));
});

test("a stamp far in this clock's future (a skewed clock) is not young forever", () => {
	expect(tokenToHandOver(token('stored', -2 * SAME_ROUND_MS), undefined, NOW)).toBe('mint');
});
