/**
 * Waits `ms`, or until `stop` aborts: true when the time ran out, false when stopped. Built on
 * AbortSignal.timeout because n8n's rules for verified nodes forbid the timer globals and
 * n8n-workflow's sleep cannot be cancelled; the signal's timer is unref'd, and once the wait is
 * over nothing listens to it.
 */
export async function wait(ms: number, stop: AbortSignal): Promise<boolean> {
	if (stop.aborted) return false;
	const timeout = AbortSignal.timeout(ms);
	return await new Promise((resolve) => {
		const settle = (elapsed: boolean) => () => {
			timeout.removeEventListener('abort', onTimeout);
			stop.removeEventListener('abort', onStop);
			resolve(elapsed);
		};
		const onTimeout = settle(true);
		const onStop = settle(false);
		timeout.addEventListener('abort', onTimeout, { once: true });
		stop.addEventListener('abort', onStop, { once: true });
	});
}
