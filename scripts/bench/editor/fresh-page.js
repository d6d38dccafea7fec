'use strict';
// One measured run: a new workflow holding the warm-up node and the nodes to
// walk, opened in a new page; the warm-up panel is walked untimed, then each
// node's panel in the given order.
const { timeouts, warmUp } = require('./config');
const { createPanelsWorkflow } = require('./session');
const { walkPanel, closePanel, nodeOnCanvas } = require('./panel');
const { openProbe } = require('./probe');

/** Loads the workflow in a new page; returns the page and ms from navigation to all nodes on the canvas. */
async function openWorkflow(context, url, workflowId, nodeNames) {
	const page = await context.newPage();
	page.setDefaultTimeout(timeouts.stepMs);
	await page.goto(`${url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: timeouts.pageLoadMs });
	const selectors = nodeNames.map(nodeOnCanvas);
	const loadedAt = await page.waitForFunction(
		(all) => all.every((selector) => document.querySelector(selector)?.getClientRects().length > 0) && performance.now(),
		selectors,
		{ polling: 'raf', timeout: timeouts.pageLoadMs },
	);
	return { page, loadMs: await loadedAt.jsonValue() };
}

/**
 * Walks `scenarios` (in this order) on a fresh page. `afterWalk(page,
 * scenario)` runs with each panel still open. Returns { loadMs, [key]: walk }.
 */
async function walkOnFreshPage(context, n8n, scenarios, { afterWalk } = {}) {
	// A new workflow each run: n8n makes a workflow read-only in a page while
	// another (even a just closed) page still holds it for editing.
	const all = [warmUp, ...scenarios];
	const workflowId = await createPanelsWorkflow(n8n.api, all);
	const { page, loadMs } = await openWorkflow(context, n8n.url, workflowId, all.map((scenario) => scenario.node.name));
	try {
		const cdp = await openProbe(page);
		await walkPanel(page, cdp, warmUp);
		await closePanel(page);
		const walks = { loadMs };
		for (const scenario of scenarios) {
			walks[scenario.key] = await walkPanel(page, cdp, scenario);
			if (afterWalk) await afterWalk(page, scenario);
			await closePanel(page);
		}
		return walks;
	} finally {
		await page.close();
	}
}

module.exports = { walkOnFreshPage };
