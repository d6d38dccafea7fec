'use strict';
// Injected failures for retry tests: "the next N XAPI requests answer 503
// with Retry-After: 1", optionally only for matching routes.
const { XapiError } = require('./errors');

const REASONS = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

class FaultQueue {
	constructor() {
		this.pending = [];
	}

	/**
	 * @param {{ status?: number, retryAfter?: number, times?: number, scope?: 'xapi'|'token'|'all',
	 *   route?: string | RegExp, message?: string }} [fault] `route` matches the
	 *   "METHOD /Template" statistics key (substring or RegExp)
	 */
	add({ status = 503, retryAfter, times = 1, scope = 'xapi', route, message } = {}) {
		if (!Number.isInteger(times) || times < 1) throw new Error('failNext: times must be a positive integer');
		this.pending.push({ status, retryAfter, remaining: times, scope, route, message });
	}

	clear() {
		this.pending.length = 0;
	}

	/** The error for this request if a pending fault applies (and uses it up), else null. */
	take(scope, routeKey) {
		const fault = this.pending.find((f) => (f.scope === 'all' || f.scope === scope) && routeMatches(f.route, routeKey));
		if (!fault) return null;
		fault.remaining--;
		if (fault.remaining === 0) this.pending.splice(this.pending.indexOf(fault), 1);
		const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
		return new XapiError(fault.status, fault.message ?? REASONS[fault.status] ?? `Injected failure ${fault.status}`, [], headers);
	}
}

function routeMatches(route, routeKey) {
	if (route === undefined) return true;
	return route instanceof RegExp ? route.test(routeKey) : routeKey.includes(route);
}

module.exports = { FaultQueue, routeMatches };
