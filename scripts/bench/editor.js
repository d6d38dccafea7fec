#!/usr/bin/env node
'use strict';
// Bench section "Editor": the real n8n 2.41.1 editor in Debian's Chromium,
// driven by playwright-core. For the 3CX node and, in the same run and on the
// same pages, n8n's Notion node: open the node panel, switch Resource (3CX:
// Users, Notion: Database Page), switch Operation to Update. Each step is
// timed in the page from the user's input event to the first frame showing
// its result (editor/probe.js, editor/panel.js). Every run is a fresh page;
// a GitHub panel is walked first, untimed, so neither measured panel pays for
// the editor's first panel; 3CX and Notion alternate which goes first. One
// extra run before the measured ones fills the browser cache and is dropped.
//
//   node scripts/bench/editor.js [--runs=5]     (build first: npm run build)
const fs = require('fs');
const path = require('path');
const { median, withSpread, formatMs, formatRatio, printTable, log } = require('./common');
const config = require('./editor/config');
const { launchBrowser } = require('./editor/browser');
const { startEditorN8n, authCookie } = require('./editor/session');
const { walkOnFreshPage } = require('./editor/fresh-page');

const { subject, baseline } = config;

/** Figures reported, each a sum of panel steps; the totals carry the goal. */
const FIGURES = [
	{ figure: 'open node panel', steps: ['open'] },
	{ figure: 'switch Resource (open list, pick)', steps: ['resourceList', 'resourcePick'] },
	{ figure: 'switch Operation to Update (open list, pick)', steps: ['operationList', 'operationPick'] },
	{ figure: 'total, open panel to Update rendered', steps: ['open', 'resourceList', 'resourcePick', 'operationList', 'operationPick'], goal: true },
];
const TOTAL_STEPS = FIGURES[FIGURES.length - 1].steps;

/** The panel as the walk left it, once the picked list has faded out. */
async function screenshot(page, scenario) {
	await page.waitForFunction(
		() => ![...document.querySelectorAll('.el-select__popper')].some((popper) => popper.checkVisibility()),
		undefined,
		{ polling: 'raf' },
	);
	await page.screenshot({ path: path.join(config.resultsDir, scenario.screenshot) });
}

const sumSteps = (walk, steps, measure) => steps.reduce((total, step) => total + walk.steps[step][measure], 0);

/**
 * One row comparing a series of ours with the baseline's: medians with their
 * spread, and the median of the per-run ratios (both panels of a run share a
 * page and a moment, so background load hits them alike).
 */
function compare(figure, ours, theirs, { format = formatMs, goal = false } = {}) {
	const ratio = median(ours.map((value, run) => value / theirs[run]));
	return {
		figure,
		value: withSpread(format(median(ours)), ours),
		baseline: `${baseline.label} ${withSpread(format(median(theirs)), theirs)}`,
		ratio: formatRatio(ratio),
		...(goal ? { goal: `≤ 1.00× ${baseline.label}`, met: ratio <= 1 } : {}),
	};
}

function toRows(samples) {
	const series = (key, fn) => samples.map((run) => fn(run[key]));
	const rows = [];
	for (const [measure, prefix] of [['ms', 'editor'], ['cpuMs', 'editor CPU']]) {
		for (const { figure, steps, goal } of FIGURES) {
			const total = (walk) => sumSteps(walk, steps, measure);
			rows.push(compare(`${prefix}: ${figure}`, series(subject.key, total), series(baseline.key, total), { goal }));
		}
	}
	const elements = (walk) => walk.elements;
	rows.push(
		compare('editor: page elements added by the panel (on Update)', series(subject.key, elements), series(baseline.key, elements), {
			format: String,
		}),
	);
	const loads = samples.map((run) => run.loadMs);
	rows.push({ figure: 'editor: load workflow page to canvas', value: withSpread(formatMs(median(loads)), loads) });
	return rows;
}

/** @param {{ runs?: number }} options */
async function run({ runs = config.defaultRuns } = {}) {
	fs.mkdirSync(config.resultsDir, { recursive: true });
	log(`editor: starting n8n with the package, then Chromium (${runs} runs + 1 dropped) …`);
	const n8n = await startEditorN8n();
	let browser;
	try {
		browser = await launchBrowser();
		await browser.context.addCookies([authCookie(n8n)]);
		const samples = [];
		for (let index = 0; index <= runs; index++) {
			const order = index % 2 === 0 ? [subject, baseline] : [baseline, subject];
			const timings = await walkOnFreshPage(browser.context, n8n, order, { afterWalk: index === runs ? screenshot : undefined });
			if (index > 0) samples.push(timings);
			const total = (key) =>
				`${formatMs(sumSteps(timings[key], TOTAL_STEPS, 'ms'))} (CPU ${formatMs(sumSteps(timings[key], TOTAL_STEPS, 'cpuMs'))})`;
			log(`editor: run ${index}${index === 0 ? ' (dropped)' : ''}: ${subject.label} ${total(subject.key)}, ${baseline.label} ${total(baseline.key)}`);
		}
		return {
			title: `Editor (n8n 2.41.1, Chromium; ${subject.label} User › Update vs ${baseline.label} ${baseline.node.typeVersion} Database Page › Update; median of ${runs} runs, ±spread; CPU = page main thread)`,
			rows: toRows(samples),
			data: {
				screenshots: [subject, baseline].map((scenario) => path.join(config.resultsDir, scenario.screenshot)),
				samples,
			},
		};
	} finally {
		if (browser) await browser.close();
		await n8n.stop();
	}
}

module.exports = { run };

if (require.main === module) {
	const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
	const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : config.defaultRuns;
	if (!Number.isInteger(runs) || runs < 1) {
		console.error('--runs must be a whole number ≥ 1');
		process.exit(2);
	}
	run({ runs })
		.then((result) => {
			printTable([result], { runs });
			console.log(`\nscreenshots: ${result.data.screenshots.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
		})
		.catch((error) => {
			console.error(`[bench] editor failed: ${error.stack || error.message}`);
			process.exit(1);
		});
}
