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

/** Opens a select's list, then picks `text`; returns the timings of both. */
async function choose(page, cdp, scenario, parameter, text, after) {
	const step = (what, event, conditions, act) =>
		timeAction(page, cdp, { what: `${scenario.label} ${what}`, event, conditions, timeoutMs: timeouts.stepMs }, act);
	const listMs = await step(`${parameter} list`, 'click', [{ option: selectInput(parameter), text }], () =>
		page.locator(selectInput(parameter)).click(),
	);
	const option = await optionLocator(page, parameter, text);
	const pickMs = await step(`${parameter} = ${text}`, 'click', after, () => option.click());
	return [listMs, pickMs];
}

/**
 * Walks the scenario's panel; returns its steps { open, resourceList, … }
 * (each { ms, cpuMs }) and how many elements the open panel added to the page.
 */
async function walkPanel(page, cdp, scenario) {
	const countElements = () => page.evaluate(() => document.getElementsByTagName('*').length);
	const elementsBefore = await countElements();
	const open = await timeAction(
		page,
		cdp,
		{
			what: `${scenario.label} open panel`,
			event: 'dblclick',
			conditions: [
				{ input: selectInput('resource'), value: scenario.start.resource },
				{ input: selectInput('operation'), value: scenario.start.operation },
			],
			timeoutMs: timeouts.stepMs,
		},
		() => page.locator(nodeOnCanvas(scenario.node.name)).dblclick(),
	);
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
