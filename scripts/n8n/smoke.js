#!/usr/bin/env node
'use strict';
// Proves the private n8n runtime works end to end, printing each step's time:
//   1. install (skipped when cached)
//   2. CLI only: import a Manual Trigger → Set workflow and execute it by id
//   3. server: start n8n, import + execute again while it runs
//   4. registry: start verdaccio, publish a dummy community package
//   5. install that package BY NAME through n8n's REST installer, see its node
//      type loaded, run a workflow that uses it
//   6. restart n8n: the package loads again from disk (lazy-loading check)
//
//   node scripts/n8n/smoke.js [--keep]   (--keep: leave the temp folders)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureInstalled } = require('./install');
const { importWorkflow, executeWorkflow, nodeOutput } = require('./n8n');
const { setupOwner, login } = require('./n8n-rest');
const { startN8nWithRegistry } = require('./n8n-with-registry');
const { startVerdaccio, publishPackage } = require('./verdaccio');
const { writeDummyPackage } = require('./dummy-package');

const keep = process.argv.includes('--keep');
const timings = [];

async function step(label, fn) {
	const started = Date.now();
	process.stdout.write(`[smoke] ${label} …\n`);
	const result = await fn();
	const seconds = (Date.now() - started) / 1000;
	timings.push([label, seconds]);
	process.stdout.write(`[smoke] ${label}: ${seconds.toFixed(1)} s\n`);
	return result;
}

function check(condition, message) {
	if (!condition) throw new Error(`check failed: ${message}`);
}

function workflow(id, nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name: `smoke ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: nodes.map((node, i) => ({
			id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			position: [i * 220, 0],
			parameters: {},
			...node,
		})),
	};
}

const manualTrigger = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 };
const setGreeting = {
	name: 'Set',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: {
		mode: 'manual',
		assignments: { assignments: [{ id: 'greeting', name: 'greeting', value: 'hello', type: 'string' }] },
		options: {},
	},
};

async function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-smoke-'));
	const userFolder = path.join(work, 'n8n-user');
	fs.mkdirSync(userFolder);
	const stoppers = [];
	try {
		await step('install (cached = fast)', () => ensureInstalled());

		// 2. CLI against a fresh folder: the first command also runs the migrations.
		await step('import:workflow, no server', () => importWorkflow(workflow('smokeCliOnly', [manualTrigger, setGreeting]), { userFolder }));
		const cliRun = await step('execute --id, no server', () => executeWorkflow('smokeCliOnly', { userFolder }));
		check(nodeOutput(cliRun, 'Set')[0]?.greeting === 'hello', 'Set output without server');

		// 4 first: n8n reads its registry setting at start.
		const registry = await step('start verdaccio', () => startVerdaccio({ dir: path.join(work, 'verdaccio') }));
		stoppers.push(registry.stop);
		const dummy = writeDummyPackage(path.join(work, 'dummy-package'));
		await step(`npm publish ${dummy.name}`, () => publishPackage(dummy.dir, registry));

		// 3. Server, set up to install community packages from verdaccio.
		// Debug logging shows the lazy-loading decision after the restart.
		const serverOptions = { userFolder, registryUrl: registry.url, env: { N8N_LOG_LEVEL: 'debug' } };
		let n8n = await step('start n8n', () => startN8nWithRegistry(serverOptions));
		stoppers.push(() => n8n.stop());
		console.log(`[smoke] n8n at ${n8n.url}, user folder ${userFolder}`);
		await step('import:workflow, server running', () => importWorkflow(workflow('smokeWithServer', [manualTrigger, setGreeting]), { userFolder }));
		const serverRun = await step('execute --id, server running', () => executeWorkflow('smokeWithServer', { userFolder }));
		check(nodeOutput(serverRun, 'Set')[0]?.greeting === 'hello', 'Set output with server');

		// 5. Community package by name.
		const api = await step('owner setup + cookie', () => setupOwner(n8n.url));
		const installed = await step(`POST /rest/community-packages ${dummy.name}`, () => api.installCommunityPackage(dummy.name));
		check(installed.packageName === dummy.name, `installed package record: ${JSON.stringify(installed)}`);
		const nodeTypes = await step('GET /types/nodes.json', () => api.listNodeTypes());
		check(nodeTypes.some((type) => type.name === dummy.nodeType), `${dummy.nodeType} is loaded`);
		const dummyNode = { name: 'Dummy', type: dummy.nodeType, typeVersion: 1 };
		await importWorkflow(workflow('smokeDummyNode', [manualTrigger, setGreeting, dummyNode]), { userFolder });
		const dummyRun = await step('execute workflow using the installed node', () => executeWorkflow('smokeDummyNode', { userFolder }));
		check(nodeOutput(dummyRun, 'Dummy')[0]?.dummy === true, 'Dummy node output');

		// 6. Restart: now the package is found on disk by the startup scan.
		await step('stop n8n', () => n8n.stop());
		n8n = await step('restart n8n', () => startN8nWithRegistry(serverOptions));
		const again = await login(n8n.url);
		const packages = await again.listCommunityPackages();
		const record = packages.find((p) => p.packageName === dummy.name);
		check(record && !record.failedLoading, `package listed and loaded after restart: ${JSON.stringify(packages)}`);
		check((await again.listNodeTypes()).some((type) => type.name === dummy.nodeType), 'node type after restart');
		// The fallback message names no package; the success message does.
		const lazy = n8n.log().includes(`Lazy-loading nodes and credentials from ${dummy.name}`);
		const fallback = n8n.log().includes("Can't enable lazy-loading");
		check(!lazy && fallback, 'the dummy (no dist/known, dist/types) is loaded without lazy loading');
		console.log(`[smoke] after restart: ${dummy.name} fully loaded, not lazily ("Can't enable lazy-loading" logged)`);
		await step('stop n8n', () => n8n.stop());

		console.log('\n[smoke] PASSED');
	} finally {
		for (const stop of stoppers.reverse()) await stop().catch(() => {});
		if (keep) console.log(`[smoke] kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
		for (const [label, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${label}`);
	}
}

main().catch((error) => {
	console.error(`\n[smoke] FAILED: ${error.stack || error.message}`);
	if (error.output) console.error(error.output.slice(-4000));
	process.exit(1);
});
