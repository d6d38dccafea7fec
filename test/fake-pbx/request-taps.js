'use strict';
// Test hooks that run when a matching XAPI request arrives, before it is
// answered: "while the client is paging, 3CX writes new records".
const { routeMatches } = require('./faults');

class RequestTaps {
	constructor() {
		this.taps = [];
	}

	/**
	 * @param {string | RegExp} route matched against the "METHOD /Template" statistics key
	 * @param {(request: { route: string, query: Record<string, string> }) => void} handler
	 * @returns {() => void} removes the tap
	 */
	add(route, handler) {
		const tap = { route, handler };
		this.taps.push(tap);
		return () => {
			const index = this.taps.indexOf(tap);
			if (index >= 0) this.taps.splice(index, 1);
		};
	}

	run(routeKey, searchParams) {
		const matching = this.taps.filter((tap) => routeMatches(tap.route, routeKey));
		if (matching.length === 0) return;
		const query = Object.fromEntries(searchParams);
		for (const tap of matching) tap.handler({ route: routeKey, query });
	}
}

module.exports = { RequestTaps };
