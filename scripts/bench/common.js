'use strict';
// Helpers every bench section shares: statistics, formatting, and running a
// measurement in a fresh child process (cold start, own peak RSS).
const path = require('path');
const { run } = require('../n8n/processes');
const { paths, node24Env } = require('../n8n/runtime');

const projectRoot = paths.projectRoot;
const benchDir = __dirname;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Noise of a series: (max − min) / median, in percent. */
function spreadPercent(values) {
	const mid = median(values);
	return mid === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / mid) * 100;
}

/** "1.23 s" with the run-to-run spread: "1.23 s ±7% (5 runs)". */
function withSpread(text, values) {
	return values.length > 1 ? `${text} ±${spreadPercent(values).toFixed(0)}%` : text;
}

function formatMs(ms) {
	if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
	if (ms >= 10) return `${ms.toFixed(0)} ms`;
	return `${ms.toFixed(2)} ms`;
}

function formatBytes(bytes) {
	if (Math.abs(bytes) >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (Math.abs(bytes) >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} B`;
}

function formatRatio(ratio) {
	return `${ratio.toFixed(2)}×`;
}

/**
 * Runs `node <script> <args>` in a fresh process and returns the JSON object
 * on the last line of its stdout. `runtime: 'node24'` uses n8n's Node 24.
 */
async function runChild(script, args = [], { runtime = 'node20', env = {}, timeoutMs = 300_000, nodeOptions = [] } = {}) {
	const nodeBin = runtime === 'node24' ? paths.node24Bin : process.execPath;
	const baseEnv = runtime === 'node24' ? node24Env(process.env) : process.env;
	const result = await run(nodeBin, [...nodeOptions, path.resolve(benchDir, script), ...args.map(String)], {
		cwd: projectRoot,
		env: { ...baseEnv, ...env },
		timeoutMs,
		echo: false,
	}).catch((error) => {
		error.message += `\n${(error.output || '').slice(-3000)}`;
		throw error;
	});
	const lines = result.stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]);
}

/** Child side of runChild: print the result as the last stdout line and exit. */
function reportFromChild(produce) {
	Promise.resolve()
		.then(produce)
		.then(
			(result) => {
				process.stdout.write(`\n${JSON.stringify(result)}\n`);
				process.exit(0);
			},
			(error) => {
				process.stderr.write(`${error.stack || error}\n`);
				process.exit(1);
			},
		);
}

/** Peak resident set size of this process so far, in bytes (Linux VmHWM). */
function peakRssBytes() {
	const status = require('fs').readFileSync('/proc/self/status', 'utf8');
	const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
	return match ? Number(match[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
function elapsedMs(start) {
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Calls `measure(i)` `runs` times one after the other and returns the results. */
async function repeat(runs, measure) {
	const results = [];
	for (let i = 0; i < runs; i++) results.push(await measure(i));
	return results;
}

const COLUMNS = [
	['figure', 'figure'],
	['value', 'value'],
	['baseline', 'baseline'],
	['ratio', 'ratio'],
	['goal', 'goal'],
	['met', 'met'],
];

function metText(met) {
	if (met === undefined) return '';
	return met ? 'yes' : 'NO';
}

/** One table for every section: figure | value | baseline | ratio | goal | met. */
function printTable(sections, { runs }) {
	const lines = [];
	for (const section of sections) {
		lines.push({ title: `${section.title}` });
		for (const row of section.rows) {
			lines.push(COLUMNS.map(([key]) => (key === 'met' ? metText(row.met) : String(row[key] ?? ''))));
		}
	}
	const cells = lines.filter(Array.isArray);
	const widths = COLUMNS.map(([, header], i) => Math.max(header.length, ...cells.map((cell) => cell[i].length)));
	const format = (cell) => cell.map((text, i) => text.padEnd(widths[i])).join(' | ').trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
	const out = [`\nmedians of ${runs} run(s); ±x% = (max − min) / median across runs`, format(COLUMNS.map(([, header]) => header)), rule];
	for (const line of lines) out.push(Array.isArray(line) ? format(line) : `== ${line.title}`);
	console.log(out.join('\n'));
}

function log(message) {
	process.stderr.write(`[bench] ${message}\n`);
}

module.exports = {
	projectRoot,
	median,
	spreadPercent,
	withSpread,
	formatMs,
	formatBytes,
	formatRatio,
	runChild,
	reportFromChild,
	peakRssBytes,
	elapsedMs,
	repeat,
	printTable,
	log,
};
