import { backoffMs, MAX_TRIES, nextTry, RETRY_BUDGET_MS, retryAfterMs } from '../../nodes/shared/transport/retry';

const NOW = Date.parse('Tue, 03 Jun 2025 10:00:00 GMT');

describe('Retry-After', () => {
	test.each([
		['delay-seconds', { 'retry-after': '7' }, 7000],
		['zero seconds', { 'Retry-After': '0' }, 0],
		['an HTTP-date ahead of the answer’s Date', { 'retry-after': 'Tue, 03 Jun 2025 10:00:12 GMT', date: 'Tue, 03 Jun 2025 10:00:00 GMT' }, 12_000],
		['an HTTP-date ahead of the local clock, without Date', { 'retry-after': 'Tue, 03 Jun 2025 10:00:05 GMT' }, 5000],
		['an HTTP-date in the past', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, 0],
		['an RFC 850 date', { 'retry-after': 'Tuesday, 03-Jun-25 10:00:03 GMT' }, 3000],
		['an asctime date', { 'retry-after': 'Tue Jun  3 10:00:04 2025' }, 4000],
	])('%s', (_name, headers, expected) => {
		expect(retryAfterMs(headers, NOW)).toBe(expected);
	});

	test.each([['soon'], ['-5'], ['1.5'], ['10 seconds'], [''], ['2025-06-03']])('junk %p is ignored', (value) => {
		expect(retryAfterMs({ 'retry-after': value }, NOW)).toBeUndefined();
	});

	test('absent', () => expect(retryAfterMs({}, NOW)).toBeUndefined());
});

describe('the decision after a failed try', () => {
	const busy = (headers: Record<string, string> = {}) => ({ status: 503, headers });

	test.each([429, 502, 503, 504])('HTTP %d is retried', (status) => {
		expect(nextTry({ status, headers: {} }, 1, 0)).toEqual({ delayMs: backoffMs(1) });
	});

	test.each([400, 401, 403, 404, 500, undefined])('HTTP %p is not', (status) => {
		expect(nextTry({ status, headers: { 'retry-after': '1' } }, 1, 0)).toEqual({});
	});

	test('junk Retry-After falls back to the backoff, which grows', () => {
		expect(nextTry(busy({ 'retry-after': 'soon' }), 1, 0)).toEqual({ delayMs: 500 });
		expect(nextTry(busy({ 'retry-after': 'soon' }), 2, 0)).toEqual({ delayMs: 1000 });
	});

	test('Retry-After wins over the backoff', () => {
		expect(nextTry(busy({ 'retry-after': '4' }), 1, 0)).toEqual({ delayMs: 4000 });
	});

	test(`at most ${MAX_TRIES} tries`, () => {
		expect(nextTry(busy(), MAX_TRIES - 1, 0)).toHaveProperty('delayMs');
		expect(nextTry(busy(), MAX_TRIES, 0)).toEqual({});
	});

	test('the budget counts the time the tries took, not only the waits', () => {
		expect(nextTry(busy({ 'retry-after': '2' }), 1, RETRY_BUDGET_MS - 2000)).toEqual({ delayMs: 2000 });
		expect(nextTry(busy({ 'retry-after': '2' }), 1, RETRY_BUDGET_MS - 1999)).toEqual({ askedToWaitMs: 2000 });
		// Slow tries use up the budget even without a Retry-After: give up, with nothing 3CX asked for.
		expect(nextTry(busy(), 2, RETRY_BUDGET_MS - 999)).toEqual({});
	});

	test('a Retry-After beyond the budget gives up at once, saying how long 3CX asked to wait', () => {
		expect(nextTry(busy({ 'retry-after': '120' }), 1, 0)).toEqual({ askedToWaitMs: 120_000 });
	});
});
