'use strict';
// n8n that installs community packages from a local registry (verdaccio).
//
// N8N_COMMUNITY_PACKAGES_REGISTRY alone is not enough: n8n refuses any
// registry but registry.npmjs.org unless the license has the feature
// feat:communityNodes:customRegistry ("Your license does not allow for …").
// n8n's own E2E test hook (E2E_TESTS=true → PATCH /rest/e2e/feature) can
// switch that feature on; nothing else about the installer changes.
const { startN8n } = require('./n8n');
const { enableLicenseFeature, LICENSE_FEATURES } = require('./n8n-rest');

/** startN8n options plus `registryUrl`; resolves like startN8n. */
async function startN8nWithRegistry({ registryUrl, env = {}, ...options }) {
	const n8n = await startN8n({
		...options,
		env: { ...env, E2E_TESTS: 'true', N8N_COMMUNITY_PACKAGES_REGISTRY: registryUrl },
	});
	try {
		await enableLicenseFeature(n8n.url, LICENSE_FEATURES.communityNodesCustomRegistry);
	} catch (error) {
		await n8n.stop();
		throw error;
	}
	return n8n;
}

module.exports = { startN8nWithRegistry };
