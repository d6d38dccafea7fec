'use strict';
// Everything the editor bench pins: the browser, its flags, where results go,
// and the node panels it drives. playwright-core's version and path are in
// scripts/n8n/runtime.js (versions.playwright, paths.playwrightCoreDir).
const path = require('path');
const { paths } = require('../../n8n/runtime');

const chromium = {
	executablePath: '/usr/bin/chromium', // Debian package `chromium`
	aptPackage: 'chromium',
	args: [
		'--headless',
		'--no-sandbox', // we run as root
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		// No internet here: a lookup of any outside host fails at once instead of hanging.
		'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
	],
	viewport: { width: 1600, height: 1000 },
};

const resultsDir = path.join(paths.projectRoot, 'bench', 'results');

const timeouts = {
	pageLoadMs: 240_000, // the editor downloads and parses every node description first
	stepMs: 60_000,
};

/**
 * One node panel walk: the node starts on `start` (display names as the
 * dropdowns show them), then Resource is switched to `resource` (after which
 * Operation shows `resourceDefaultOperation`) and Operation to `operation`,
 * which renders the parameter named `target`.
 */
const threeCx = {
	key: '3cx',
	label: '3CX',
	node: { name: '3CX', type: 'n8n-nodes-3cx.threeCx', typeVersion: 1, parameters: { resource: 'groups', operation: 'listGroup' } },
	start: { resource: 'Group', operation: 'Get Many' },
	resource: 'User',
	resourceDefaultOperation: 'Get Many',
	operation: 'Update',
	target: 'fields', // the Fields collection of User › Update
	screenshot: 'editor-3cx-users-update.png',
};

// Notion 2.2: the largest built-in description of n8n 2.41.1 (287 KB), the
// yardstick of the description size budget. Database Page › Update is its
// closest match to User › Update: a record update with a collection of fields.
const notion = {
	key: 'notion',
	label: 'Notion',
	node: { name: 'Notion', type: 'n8n-nodes-base.notion', typeVersion: 2.2, parameters: { resource: 'page', operation: 'create' } },
	start: { resource: 'Page', operation: 'Create' },
	resource: 'Database Page',
	resourceDefaultOperation: 'Create',
	operation: 'Update',
	target: 'propertiesUi', // Properties (fixed collection)
	screenshot: 'editor-notion-database-page-update.png',
};

// Walked untimed on every page before the measured panels, so that neither
// of them pays for the editor's first panel (code loading, JIT warm-up).
const warmUp = {
	key: 'warm-up',
	label: 'GitHub',
	node: { name: 'GitHub', type: 'n8n-nodes-base.github', typeVersion: 1.1, parameters: { resource: 'issue', operation: 'create' } },
	start: { resource: 'Issue', operation: 'Create' },
	resource: 'Release',
	resourceDefaultOperation: 'Create',
	operation: 'Update',
	target: 'additionalFields',
};

module.exports = { chromium, resultsDir, timeouts, subject: threeCx, baseline: notion, warmUp, defaultRuns: 5 };
