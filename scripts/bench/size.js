'use strict';
// Figure 1: description size and cold load time, each load in a fresh process,
// against n8n's largest built-in node (Notion v2) loaded the same way.
const fs = require('fs');
const path = require('path');
const { projectRoot, median, withSpread, formatMs, formatBytes, formatRatio, runChild, log } = require('./common');

/** n8n 2.41.1's largest built-in node description (Notion v2), minified JSON. */
const BUDGET_BYTES = 287_000;

/** The lazy-loading manifest n8n serves to the editor instead of requiring the node. */
function manifestBytes() {
	const file = path.join(projectRoot, 'dist', 'types', 'nodes.json');
	return fs.existsSync(file) ? fs.statSync(file).size : undefined;
}

/** Informational: the issue sets no goal for load time, only asks for the figure against a baseline. */
function timeRow(figure, key, samples) {
	const ours = samples.threeCx.map((s) => s[key]);
	const theirs = samples.notion.map((s) => s[key]);
	const ratio = median(ours.map((ms, i) => ms / theirs[i]));
	return {
		figure,
		value: withSpread(formatMs(median(ours)), ours),
		baseline: `Notion ${withSpread(formatMs(median(theirs)), theirs)}`,
		ratio: formatRatio(ratio),
	};
}

async function run({ runs }) {
	log(`size: ${runs} cold loads each of 3CX and Notion, interleaved`);
	const samples = { threeCx: [], notion: [] };
	for (let i = 0; i < runs; i++) {
		for (const target of Object.keys(samples)) samples[target].push(await runChild('size-child.js', [target]));
	}
	const bytes = samples.threeCx[0].bytes;
	const notionBytes = samples.notion[0].bytes;
	const manifest = manifestBytes();
	const rows = [
		{
			figure: 'description size (minified JSON)',
			value: `${bytes.toLocaleString('en')} B`,
			baseline: `Notion v2 ${notionBytes.toLocaleString('en')} B`,
			ratio: formatRatio(bytes / notionBytes),
			goal: `≤ ${BUDGET_BYTES.toLocaleString('en')} B`,
			met: bytes <= BUDGET_BYTES,
		},
		timeRow('cold require + description (with n8n-workflow)', 'ms', samples),
		timeRow('  the node alone (n8n-workflow already loaded)', 'ownMs', samples),
	];
	if (manifest !== undefined) {
		rows.push({ figure: 'lazy-load manifest dist/types/nodes.json', value: `${formatBytes(manifest)}`, goal: 'present', met: true });
	}
	return {
		title: 'Description size and cold load (fresh process per load)',
		rows,
		data: { bytes, notionBytes, budget: BUDGET_BYTES, samples, manifestBytes: manifest },
	};
}

module.exports = { run };
