'use strict';
// Walks one node panel the way a user would, timing each step with the probe:
//   open   double-click the node on the canvas → panel shows Resource and Operation
//   resourceList / resourcePick   open Resource, click the option → Operation shows the resource's default
//   operationList / operationPick open Operation, click the option → the operation's parameter is rendered
const { timeAction } = require('./probe');
const { timeouts } = require('./config');

const selectInput = (parameter) => `[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"] input`;
const nodeOnCanvas = (name) => `[data-test-id="canvas-node"][data-node-name="${name}"]`;

/** The option `text` of the list a select's input opens (element-plus links them by aria-controls). */
async function optionLocator(page, parameter, text) {
	const listId = await page.locator(selectInput(parameter)).getAttribute('aria-controls');
	return page
		.locator(`[id="${listId}"] [data-test-id="parameter-input-item"]`)
		.filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }) });
}

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where to click `locator`, once it is ready (scrolled into view, visible,
 * stable, receiving events). Found before the timed step, so neither
 * Playwright's checks nor scrolling the list count; the step itself is a
 * bare mouse action.
 */
async function readyPoint(locator) {
	await locator.scrollIntoViewIfNeeded();
	await locator.click({ trial: true });
	const box = await locator.boundingBox();
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks (or double-clicks) `locator` and times it until `conditions` hold. */
async function timedClick(page, cdp, locator, { what, conditions, double = false }) {
	const { x, y } = await readyPoint(locator);
	const event = double ? 'dblclick' : 'click';
	return await timeAction(page, cdp, { what, event, conditions, timeoutMs: timeouts.stepMs }, () =>
		double ? page.mouse.dblclick(x, y) : page.mouse.click(x, y),
	);
}

/** Opens a select's list, then picks `text`; returns the timings of both. */
async function choose(page, cdp, scenario, parameter, text, after) {
	const list = await timedClick(page, cdp, page.locator(selectInput(parameter)), {
		what: `${scenario.label} ${parameter} list`,
		conditions: [{ option: selectInput(parameter), text }],
	});
	const pick = await timedClick(page, cdp, await optionLocator(page, parameter, text), {
		what: `${scenario.label} ${parameter} = ${text}`,
		conditions: after,
	});
	return [list, pick];
}

/**
 * Walks the scenario's panel; returns its steps { open, resourceList, … }
 * (each { ms, cpuMs }) and how many elements the open panel added to the page.
 */
async function walkPanel(page, cdp, scenario) {
	const countElements = () => page.evaluate(() => document.getElementsByTagName('*').length);
	const elementsBefore = await countElements();
	const open = await timedClick(page, cdp, page.locator(nodeOnCanvas(scenario.node.name)), {
		what: `${scenario.label} open panel`,
		double: true,
		conditions: [
			{ input: selectInput('resource'), value: scenario.start.resource },
			{ input: selectInput('operation'), value: scenario.start.operation },
		],
	});
	const [resourceList, resourcePick] = await choose(page, cdp, scenario, 'resource', scenario.resource, [
		{ input: selectInput('resource'), value: scenario.resource },
		{ input: selectInput('operation'), value: scenario.resourceDefaultOperation },
	]);
	const [operationList, operationPick] = await choose(page, cdp, scenario, 'operation', scenario.operation, [
		{ input: selectInput('operation'), value: scenario.operation },
		{ label: scenario.target },
	]);
	const elements = (await countElements()) - elementsBefore;
	return { steps: { open, resourceList, resourcePick, operationList, operationPick }, elements };
}

async function closePanel(page) {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
}

module.exports = { walkPanel, closePanel, nodeOnCanvas };
