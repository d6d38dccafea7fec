#!/usr/bin/env node
'use strict';
// Diagnostic, not part of `npm run bench`: which parts of the 3CX description
// make its panel slower than Notion's. The built package is placed once more
// per variant under another package name, with the description the editor
// receives (dist/types/nodes.json) trimmed in one respect; every run walks
// Notion, the real 3CX node and each variant, each on a fresh page, order
// alternating. Prints the median per-run ratio to Notion of the main-thread
// CPU time per step (see ../editor.js for the walk).
//
//   npm run build && node scripts/bench/editor/variants.js [--runs=5]
const fs = require('fs');
const path = require('path');
const { median, formatRatio, printTable, log } = require('../common');
const config = require('./config');
const { launchBrowser } = require('./browser');
const { startEditorN8n, authCookie } = require('./session');
const { walkOnFreshPage } = require('./fresh-page');

const USERS_OPERATIONS_KEPT = ['listUser', 'getUser', 'createUser', 'updateUser', 'deleteUser'];
const KEPT_RESOURCES = ['users', 'groups'];

const isOperationOf = (resource) => (property) =>
	property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource);

function fewResources(description) {
	const resource = description.properties.find((property) => property.name === 'resource');
	resource.options = resource.options.filter((option) => KEPT_RESOURCES.includes(option.value));
}

function fewOperationsAndFields(description) {
	const operation = description.properties.find(isOperationOf('users'));
	operation.options = operation.options.filter((option) => USERS_OPERATIONS_KEPT.includes(option.value));
	for (const property of description.properties) {
		if (property.name === 'userFields' && property.displayOptions?.show?.operation?.includes('updateUser')) {
			property.options = property.options.slice(0, 8);
		}
	}
}

/** Only what Groups and Users show, all lists kept. */
function fewProperties(description) {
	const usersOperations = new Set(description.properties.find(isOperationOf('users')).options.map((option) => option.value));
	description.properties = description.properties.filter(({ name, displayOptions }) => {
		const show = displayOptions?.show;
		if (!show || name === 'resource') return true;
		if (show.resource) return KEPT_RESOURCES.some((resource) => show.resource.includes(resource));
		return !show.operation || show.operation.some((operation) => usersOperations.has(operation));
	});
}

const VARIANTS = {
	'resources 133 → 2': [fewResources],
	'Users operations 37 → 5, Fields 80 → 8': [fewOperationsAndFields],
	'all three lists short': [fewResources, fewOperationsAndFields],
	'properties 368 → ~35, lists kept': [fewProperties],
};

/** Copies the placed package as `<name>-variant-<i>` with a trimmed description; returns its node type. */
function placeVariant(placed, index, trims) {
	const name = `${placed.name}-variant-${index}`;
	const dir = path.join(path.dirname(placed.dir), name);
	fs.cpSync(placed.dir, dir, { recursive: true });
	const packageFile = path.join(dir, 'package.json');
	fs.writeFileSync(packageFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(packageFile, 'utf8')), name }));
	const typesFile = path.join(dir, 'dist', 'types', 'nodes.json');
	const types = JSON.parse(fs.readFileSync(typesFile, 'utf8'));
	for (const trim of trims) trim(types.find((type) => type.name === 'threeCx'));
	fs.writeFileSync(typesFile, JSON.stringify(types));
	return `${name}.threeCx`;
}

function variantScenarios(placed) {
	return Object.entries(VARIANTS).map(([label, trims], index) => ({
		...config.subject,
		key: `variant-${index}`,
		label,
		node: { ...config.subject.node, name: `3CX variant ${index}`, type: placeVariant(placed, index, trims) },
	}));
}

const STEPS = ['open', 'resourceList', 'resourcePick', 'operationList', 'operationPick'];

function toRows(scenarios, samples) {
	const cpu = (walk, steps) => steps.reduce((total, step) => total + walk.steps[step].cpuMs, 0);
	const ratio = (key, steps) => formatRatio(median(samples.map((run) => cpu(run[key], steps) / cpu(run[config.baseline.key], steps))));
	return scenarios.map((scenario) => ({
		figure: scenario.label,
		value: STEPS.map((step) => `${step} ${ratio(scenario.key, [step])}`).join(', '),
		baseline: config.baseline.label,
		ratio: ratio(scenario.key, STEPS),
	}));
}

async function main(runs) {
	let scenarios;
	const n8n = await startEditorN8n({
		beforeStart: (placed) => {
			scenarios = [config.subject, ...variantScenarios(placed)];
		},
	});
	let browser;
	try {
		browser = await launchBrowser();
		await browser.context.addCookies([authCookie(n8n)]);
		const all = [config.baseline, ...scenarios];
		const samples = [];
		for (let index = 0; index <= runs; index++) {
			const walks = {};
			for (const scenario of index % 2 === 0 ? all : [...all].reverse()) {
				Object.assign(walks, await walkOnFreshPage(browser.context, n8n, [scenario]));
			}
			if (index > 0) samples.push(walks);
			log(`editor variants: run ${index}${index === 0 ? ' (dropped)' : ''} done`);
		}
		printTable([{ title: `3CX description variants: median per-run ratio to ${config.baseline.label} of main-thread CPU, per step and in total`, rows: toRows(scenarios, samples) }], { runs });
	} finally {
		if (browser) await browser.close();
		await n8n.stop();
	}
}

const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
main(runsArg ? Number(runsArg.slice('--runs='.length)) : config.defaultRuns).catch((error) => {
	console.error(`[bench] editor variants failed: ${error.stack || error.message}`);
	process.exit(1);
});
