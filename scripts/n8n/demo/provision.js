'use strict';
// The ready-made content `npm start` puts into n8n, through n8n's REST API as the owner:
// the credential "3CX (local demo PBX)" and the example workflows in ./workflows.
// Safe to repeat: what exists is kept (users may have edited it); only a credential that still
// points at a local fake PBX follows that PBX to its current URL.
const fs = require('fs');
const path = require('path');

const DEMO_CREDENTIAL_NAME = '3CX (local demo PBX)';
const CREDENTIAL_TYPE = 'threeCxApi';
const WORKFLOWS_DIR = path.join(__dirname, 'workflows');
/** The fake PBX's address; any other URL is a real PBX the user entered, and is left alone. */
const LOCAL_PBX_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/;

/** The example workflows, as stored in ./workflows (credential references still placeholders). */
function demoWorkflows() {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')));
}

/**
 * Makes sure the demo credential exists and, if it is still the local one, points at `pbx.url`.
 * @returns {{ id: string, name: string, action: 'created' | 'updated' | 'kept' }}
 */
async function ensureDemoCredential(api, pbx) {
	const credentials = await api.get('/rest/credentials');
	const existing = credentials.find((c) => c.type === CREDENTIAL_TYPE && c.name === DEMO_CREDENTIAL_NAME);
	if (!existing) {
		const created = await api.post('/rest/credentials', {
			name: DEMO_CREDENTIAL_NAME,
			type: CREDENTIAL_TYPE,
			data: { url: pbx.url, clientId: pbx.clientId, apiKey: pbx.clientSecret, ignoreSslIssues: false },
		});
		return { id: created.id, name: created.name, action: 'created' };
	}
	// n8n sends secrets blanked and keeps the stored value when the blank comes back.
	const { data } = await api.get(`/rest/credentials/${existing.id}?includeData=true`);
	const url = String(data?.url ?? '');
	if (!LOCAL_PBX_URL.test(url) || url.replace(/\/$/, '') === pbx.url) {
		return { id: existing.id, name: existing.name, action: 'kept' };
	}
	await api.patch(`/rest/credentials/${existing.id}`, { name: existing.name, type: CREDENTIAL_TYPE, data: { ...data, url: pbx.url } });
	return { id: existing.id, name: existing.name, action: 'updated' };
}

/** Stores the example workflows that are not there yet (by id), using `credential`. */
async function ensureDemoWorkflows(api, credential) {
	const results = [];
	// One list (archived ones included), not a probe per id: n8n logs every probe of a missing id
	// as a permission error and a 404.
	const existing = new Set((await api.get('/rest/workflows')).map((w) => w.id));
	for (const workflow of demoWorkflows()) {
		if (existing.has(workflow.id)) {
			results.push({ id: workflow.id, name: workflow.name, action: 'kept' });
			continue;
		}
		const nodes = workflow.nodes.map((node) =>
			node.credentials?.[CREDENTIAL_TYPE]
				? { ...node, credentials: { ...node.credentials, [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } } }
				: node,
		);
		await api.post('/rest/workflows', { ...workflow, nodes });
		results.push({ id: workflow.id, name: workflow.name, action: 'created' });
	}
	return results;
}

/**
 * @param api n8n REST client of the owner (scripts/n8n/n8n-rest.js)
 * @param pbx {{ url, clientId, clientSecret }} the PBX the demo credential is for
 */
async function provisionDemo(api, pbx) {
	const credential = await ensureDemoCredential(api, pbx);
	const workflows = await ensureDemoWorkflows(api, credential);
	return { credential, workflows };
}

module.exports = { provisionDemo, demoWorkflows, DEMO_CREDENTIAL_NAME, WORKFLOWS_DIR };
