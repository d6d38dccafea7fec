'use strict';
// The editor bench's own n8n: a fresh user folder with this package placed as
// a community package, the owner set up, and one workflow holding the nodes
// whose panels are walked. Its own server (not the other sections' shared
// one) so the editor is timed against an idle n8n with an empty history.
const fs = require('fs');
const { ensureInstalled, placePackage, startN8n, makeTempUserFolder, setupOwner } = require('../../n8n');
const { paths } = require('../../n8n/runtime');

/** `beforeStart(placed)` may add more packages next to the placed one. */
async function startEditorN8n({ beforeStart } = {}) {
	await ensureInstalled(['n8n']);
	const userFolder = makeTempUserFolder();
	try {
		const placed = await placePackage(paths.projectRoot, userFolder);
		if (beforeStart) await beforeStart(placed);
		const n8n = await startN8n({
			userFolder,
			timeoutMs: 240_000,
			// No autosave: every page starts from the stored workflow, and no
			// save request lands in the middle of a timed step.
			env: { N8N_LOG_LEVEL: 'warn', N8N_WORKFLOWS_AUTOSAVE_DISABLED: 'true' },
		});
		try {
			const api = await setupOwner(n8n.url);
			return {
				url: n8n.url,
				api,
				async stop() {
					await n8n.stop();
					fs.rmSync(userFolder, { recursive: true, force: true });
				},
			};
		} catch (error) {
			await n8n.stop();
			throw error;
		}
	} catch (error) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

/** One saved workflow with the scenarios' nodes side by side, unconnected. */
async function createPanelsWorkflow(api, scenarios) {
	const nodes = scenarios.map((scenario, i) => ({
		id: `editor-bench-${i}`,
		position: [i * 300, 0],
		...scenario.node,
	}));
	const { id } = await api.post('/rest/workflows', {
		name: 'Editor bench: node panels',
		nodes,
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	});
	return id;
}

/** The browser session: n8n's auth cookie for the instance's origin. */
function authCookie(n8n) {
	const [name, ...rest] = n8n.api.cookie.split('=');
	return { name, value: rest.join('='), url: n8n.url };
}

module.exports = { startEditorN8n, createPanelsWorkflow, authCookie };
