'use strict';
// Callers for `npm start`'s demo: now and then an outside number rings extension 100 and is
// answered or missed, in turn, so that a workflow with the 3CX Call Events Trigger has something
// to react to. One more on demand: POST /demo/call (?missed=true|false).

const CALLERS = ['+491701234567', '+4930901820', '+442079460000', '+33142685300'];

class DemoCalls {
	/** @param {import('./call-control').CallControl} callControl */
	constructor(callControl, { everyMs, to = '100', ringMs = 4000, talkMs = 6000 }) {
		this.callControl = callControl;
		this.options = { to, ringMs, talkMs };
		this.placed = 0;
		this.timers = new Set();
		if (everyMs > 0) {
			this.interval = setInterval(() => this.place(), everyMs);
			this.interval.unref();
		}
	}

	/** Rings the extension now; answered and hung up later, or left to ring out. Returns the call id. */
	place({ missed = this.placed % 2 === 1 } = {}) {
		const { to, ringMs, talkMs } = this.options;
		const callid = this.callControl.inbound({ from: CALLERS[this.placed % CALLERS.length], to, name: 'Demo caller' });
		this.placed++;
		if (missed) {
			this.later(ringMs, () => this.callControl.hangUp(callid));
		} else {
			this.later(ringMs, () => {
				this.callControl.answer(callid);
				this.later(talkMs, () => this.callControl.hangUp(callid));
			});
		}
		return callid;
	}

	later(ms, job) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			job();
		}, ms);
		timer.unref();
		this.timers.add(timer);
	}

	stop() {
		clearInterval(this.interval);
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}

module.exports = { DemoCalls };
