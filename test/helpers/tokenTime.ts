import { retryTiming } from '../../nodes/shared/transport/retry';
import { tokenClock } from '../../nodes/shared/transport/token';

/**
 * Retry waits that cost no time: each advances the clock tokens are stamped with, so a refused
 * token ages as it would while the node waits. Returns the undo.
 */
export function waitsAdvanceTokenClock(): () => void {
	const saved = { sleep: retryTiming.sleep, now: tokenClock.now };
	let now = Date.now();
	tokenClock.now = () => now;
	retryTiming.sleep = async (ms: number) => {
		now += ms;
	};
	return () => {
		retryTiming.sleep = saved.sleep;
		tokenClock.now = saved.now;
	};
}
