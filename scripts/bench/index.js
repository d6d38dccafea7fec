#!/usr/bin/env node
'use strict';
// `npm run bench`: runs the bench sections, prints one table, writes the
// results as JSON to bench/results/. Not part of the tests.
//
//   node scripts/bench/index.js [--only=size,items,paging,latency,tokens,queue,editor] [--runs=N]
//
// A section is a module exporting `async run({ runs })` that returns
// { title, rows: [{ figure, value, baseline?, ratio?, goal?, met? }] }
// (extra keys such as `data` go to the JSON file only).
const fs = require('fs');
const path = require('path');
const { projectRoot, printTable, log } = require('./common');
const { stopSharedN8n } = require('./bench-n8n');

const SECTIONS = ['size', 'items', 'paging', 'latency', 'tokens', 'queue', 'editor'];
const DEFAULT_RUNS = 5;

function parseArgs(argv) {
	const options = { only: SECTIONS, runs: DEFAULT_RUNS };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'only') options.only = value.split(',').map((name) => name.trim());
		else if (key === 'runs') options.runs = Math.max(1, Number.parseInt(value, 10));
		else throw new Error(`unknown option ${arg} (use --only=${SECTIONS.join(',')} --runs=N)`);
	}
	const unknown = options.only.filter((name) => !SECTIONS.includes(name));
	if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
	if (!Number.isFinite(options.runs)) throw new Error('--runs needs a number');
	return options;
}

/** The section's module, or undefined when it is not there (editor.js is optional). */
function loadSection(name) {
	const file = path.join(__dirname, `${name}.js`);
	return fs.existsSync(file) ? require(file) : undefined;
}

async function runSection(name, options) {
	const section = loadSection(name);
	if (!section) return { name, title: name, rows: [{ figure: `${name}: not available (scripts/bench/${name}.js missing)`, value: '—' }] };
	const started = Date.now();
	log(`section ${name} …`);
	try {
		const result = await section.run({ runs: options.runs });
		log(`section ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
		return { name, seconds: (Date.now() - started) / 1000, ...result };
	} catch (error) {
		log(`section ${name} failed: ${error.stack || error.message}`);
		return { name, title: name, error: error.message, rows: [{ figure: `${name}: FAILED — ${error.message.split('\n')[0]}`, value: '—', met: false }] };
	}
}

function writeResults(results, options) {
	const dir = path.join(projectRoot, 'bench', 'results');
	fs.mkdirSync(dir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const body = JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: options.runs, sections: results }, null, 2);
	const file = path.join(dir, `bench-${stamp}.json`);
	fs.writeFileSync(file, body);
	fs.writeFileSync(path.join(dir, 'latest.json'), body);
	return file;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const results = [];
	try {
		for (const name of options.only) results.push(await runSection(name, options));
	} finally {
		await stopSharedN8n();
	}
	printTable(results, { runs: options.runs });
	const file = writeResults(results, options);
	console.log(`\nresults: ${path.relative(projectRoot, file)}`);
	const failed = results.some((section) => section.error);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(`[bench] ${error.stack || error.message}`);
	process.exit(1);
});
