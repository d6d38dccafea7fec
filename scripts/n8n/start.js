#!/usr/bin/env node
'use strict';
// `npm start`: real n8n on http://127.0.0.1:5678 with this project's built
// package loaded as a community package. Data (owner, workflows, credentials)
// stays in .cache/n8n-dev between runs; Ctrl-C stops n8n.
//
//   node scripts/n8n/start.js [--fresh]     --fresh: throw-away data folder
//   N8N_PORT=5679 node scripts/n8n/start.js
const fs = require('fs');
const os = require('os');
const path = require('path');
const { paths } = require('./runtime');
const { ensureInstalled } = require('./install');
const { placePackage } = require('./local-package');
const { startN8n } = require('./n8n');
const { setupOwner, DEFAULT_OWNER } = require('./n8n-rest');

async function main() {
	const fresh = process.argv.includes('--fresh');
	const userFolder = fresh
		? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-dev-'))
		: path.join(paths.projectRoot, '.cache', 'n8n-dev');
	fs.mkdirSync(userFolder, { recursive: true });
	if (fresh) process.on('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));

	await ensureInstalled(['n8n']);
	const placed = await placePackage(paths.projectRoot, userFolder);
	console.log(`[start] ${placed.name}@${placed.version} placed in ${placed.dir}`);

	const n8n = await startN8n({ userFolder, port: Number(process.env.N8N_PORT) || 5678, echo: true, timeoutMs: 180_000 });
	let login = `log in as ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`;
	try {
		await setupOwner(n8n.url);
	} catch (error) {
		// 400 once an owner exists: keep whatever account was set up before.
		if (error.status !== 400) throw error;
		login = 'log in with the owner account of this data folder';
	}
	console.log(`\n[start] n8n with ${placed.name}: ${n8n.url} (${login}); data in ${userFolder}; Ctrl-C stops it\n`);
	const { code, signal } = await n8n.exited;
	process.exitCode = code ?? (signal ? 1 : 0);
}

main().catch((error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
