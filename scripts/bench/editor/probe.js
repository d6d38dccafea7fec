'use strict';
// Times one user action inside the page, so that Playwright's own round trips
// do not count: from the triggering input event (its timeStamp: when the
// browser created it) to the first animation frame in which every expected
// condition holds, i.e. the first frame that paints the result.
//
// Next to that wall time it reads the CPU time the page's main thread used
// (Chromium's ThreadTime metric, from just before the mouse action until the
// probe reported, so including the probe's cheap per-frame checks): on a
// machine shared with other work the wall time also counts waiting for a
// core, the CPU time does not.
//
// Conditions (plain data, checked in the page):
//   { input: <css>, value }  an <input> shows `value`
//   { option: <css of a select's input>, text }  that select's list shows option `text`
//   { label: <parameter name> }  the parameter's label is rendered in the node panel

/** Runs in the page: arms a listener and returns nothing; the result lands in window.__editorBench. */
function armInPage({ event, conditions, timeoutMs }) {
	const shown = (element) => Boolean(element) && element.getClientRects().length > 0 && element.checkVisibility();
	const checks = {
		input: ({ input, value }) => {
			const element = document.querySelector(input);
			return shown(element) && element.value === value;
		},
		option: ({ option, text }) => {
			const listId = document.querySelector(option)?.getAttribute('aria-controls');
			const list = listId && document.getElementById(listId);
			if (!list) return false;
			return [...list.querySelectorAll('.option-headline')].some((el) => el.textContent.trim() === text && shown(el));
		},
		label: ({ label }) => shown(document.querySelector(`[data-test-id="node-parameters"] label[for="${label}"]`)),
	};
	const holds = (condition) => checks[Object.keys(checks).find((kind) => kind in condition)](condition);

	const state = { startedAt: undefined, result: undefined };
	window.__editorBench = state;
	const onEvent = (e) => {
		if (state.startedAt === undefined) state.startedAt = e.timeStamp;
	};
	document.addEventListener(event, onEvent, true);
	const armedAt = performance.now();
	state.done = new Promise((resolve) => {
		const frame = () => {
			const now = performance.now();
			if (state.startedAt !== undefined && conditions.every(holds)) {
				resolve({ ms: now - state.startedAt });
			} else if (now - armedAt > timeoutMs) {
				const failing = conditions.filter((condition) => !holds(condition));
				resolve({ error: `${state.startedAt === undefined ? `no ${event} event; ` : ''}still waiting for ${JSON.stringify(failing)}` });
			} else {
				requestAnimationFrame(frame);
				return;
			}
			document.removeEventListener(event, onEvent, true);
		};
		requestAnimationFrame(frame);
	});
}

/** Main-thread CPU seconds the page has used so far (needs Performance.enable on `cdp`). */
async function threadTime(cdp) {
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((metric) => metric.name === 'ThreadTime').value;
}

/** A CDP session on the page with the metrics timeAction reads. */
async function openProbe(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	return cdp;
}

/**
 * Arms the probe, performs `act()` (a mouse action), and returns
 * { ms, cpuMs }: the time until the page showed the conditions, and the
 * main thread's CPU time meanwhile.
 */
async function timeAction(page, cdp, { event, conditions, timeoutMs, what }, act) {
	await page.evaluate(armInPage, { event, conditions, timeoutMs });
	const cpuBefore = await threadTime(cdp);
	await act();
	const outcome = await page.evaluate(() => window.__editorBench.done);
	const cpuAfter = await threadTime(cdp);
	if (outcome.error) throw new Error(`${what}: ${outcome.error}`);
	return { ms: outcome.ms, cpuMs: (cpuAfter - cpuBefore) * 1000 };
}

module.exports = { timeAction, openProbe };
