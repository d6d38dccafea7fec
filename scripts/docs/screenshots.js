#!/usr/bin/env node
'use strict';
// The README's screenshots, taken in real n8n 2.41.1 with Debian's Chromium (as the editor bench):
// the canvas with three 3CX nodes (their subtitles), the node creator searching "update user",
// and the 3CX entry's action list. Build first (`npm run build`); writes docs/*.png.
//
//   node scripts/docs/screenshots.js
const fs = require('fs');
const path = require('path');
const { ensureInstalled, placePackage, startN8n, makeTempUserFolder, setupOwner } = require('../n8n');
const { paths } = require('../n8n/runtime');
const { provisionDemo } = require('../n8n/demo/provision');
const { launchBrowser } = require('../bench/editor/browser');
const { startFakePbx } = require('../../test/fake-pbx');

const DOCS_DIR = path.join(paths.projectRoot, 'docs');
const PBX_CLIENT = { clientId: 'demo', clientSecret: 'demo-secret' };
const VIEWPORT = { width: 1280, height: 760 };
const STEP_MS = 120_000;

/** Manual trigger → three 3CX nodes, named as a user might name them; the subtitles say what each does. */
function threeNodeWorkflow(credential) {
	const credentials = { threeCxApi: { id: credential.id, name: credential.name } };
	const node = (name, x, parameters) => ({ id: name, name, type: 'n8n-nodes-3cx.threeCx', typeVersion: 1, position: [x, 0], parameters, credentials });
	const nodes = [
		{ id: 'trigger', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		node('All extensions', 260, { resource: 'users', operation: 'listUser', returnAll: true }),
		node('Set out of office', 520, { resource: 'users', operation: 'updateUser', userId: { __rl: true, mode: 'id', value: '={{ $json.Id }}' } }),
		node('Export chats', 780, { resource: 'chatHistoryView', operation: 'downloadChatHistory' }),
	];
	const chain = nodes.slice(1).map((n, i) => [nodes[i].name, n.name]);
	const connections = Object.fromEntries(chain.map(([from, to]) => [from, { main: [[{ node: to, type: 'main', index: 0 }]] }]));
	return { name: 'Three 3CX nodes', nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

async function shoot(page, name) {
	const file = path.join(DOCS_DIR, name);
	await page.screenshot({ path: file });
	console.log(`[docs] ${path.relative(paths.projectRoot, file)}`);
}

async function main() {
	await ensureInstalled(['n8n', 'playwright']);
	fs.mkdirSync(DOCS_DIR, { recursive: true });
	const userFolder = makeTempUserFolder();
	const pbx = await startFakePbx({ port: 0, ...PBX_CLIENT });
	let n8n;
	let browser;
	try {
		await placePackage(paths.projectRoot, userFolder);
		n8n = await startN8n({ userFolder, timeoutMs: 300_000, env: { N8N_LOG_LEVEL: 'warn' } });
		const api = await setupOwner(n8n.url);
		const { credential } = await provisionDemo(api, { url: pbx.url, ...PBX_CLIENT });
		const { id } = await api.post('/rest/workflows', threeNodeWorkflow(credential));

		browser = await launchBrowser();
		const [name, value] = api.cookie.split(/=(.*)/s);
		await browser.context.addCookies([{ name, value, url: n8n.url }]);
		const page = await browser.context.newPage();
		await page.setViewportSize(VIEWPORT);
		page.setDefaultTimeout(STEP_MS);

		await page.goto(`${n8n.url}/workflow/${id}`, { timeout: STEP_MS });
		await page.getByText('Download chat history', { exact: true }).first().waitFor();
		await page.keyboard.press('Shift+1'); // zoom to fit
		await page.waitForTimeout(1_000);
		await shoot(page, 'canvas-three-3cx-nodes.png');

		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		const search = page.locator('input[data-test-id="node-creator-search-bar"]');
		await search.fill('update user');
		await page.getByText('3CX', { exact: true }).first().waitFor();
		await page.waitForTimeout(1_000);
		await shoot(page, 'node-creator-search.png');

		await page.getByText('3CX', { exact: true }).first().click();
		await page.getByText('User Actions', { exact: true }).waitFor();
		await page.getByText('User Actions', { exact: true }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
		await page.waitForTimeout(1_000);
		await shoot(page, 'node-creator-actions.png');
	} finally {
		if (browser) await browser.close();
		if (n8n) await n8n.stop();
		await pbx.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`[docs] ${error.stack}`);
	process.exit(1);
});
