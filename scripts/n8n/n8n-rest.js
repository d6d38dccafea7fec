'use strict';
// The parts of n8n's internal REST API (/rest/…) the tests need, with cookie
// auth as the editor UI uses it. Routes are from n8n 2.41's sources:
//   POST /rest/owner/setup          owner.controller.js (no auth; first run only)
//   POST /rest/login                auth.controller.js {emailOrLdapLoginId, password}
//   GET/POST/PATCH/DELETE /rest/community-packages   community-packages.controller.js
//   GET  /types/nodes.json          server.js (all loaded node descriptions, auth)
//   POST /rest/node-types           node-types.controller.js {nodeInfos:[{name,version}]}
//   PATCH /rest/e2e/feature         e2e.controller.js, only with E2E_TESTS=true

const DEFAULT_OWNER = {
	email: 'owner@example.com',
	password: 'Passw0rd-for-tests', // n8n wants 8+ chars, a digit and an upper-case letter
	firstName: 'Test',
	lastName: 'Owner',
};

const REQUEST_TIMEOUT_MS = 180_000; // a community install runs npm inside n8n

/**
 * fetch, sent once more when the connection closed before any answer: a kept-alive socket that
 * n8n closed (idle timeout, 5 s) just as it was reused. The request never reached n8n then.
 */
async function send(target, init) {
	try {
		return await fetch(target, init);
	} catch (error) {
		if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
		return await fetch(target, init);
	}
}

async function request(url, method, path, { cookie, body } = {}) {
	const response = await send(`${url}${path}`, {
		method,
		headers: {
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(cookie ? { cookie } : {}),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	});
	const text = await response.text();
	let parsed;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	if (!response.ok) {
		const message = parsed?.message ?? text;
		throw Object.assign(new Error(`${method} ${path}: HTTP ${response.status}: ${message}`), {
			status: response.status,
			body: parsed,
		});
	}
	// n8n wraps REST results as { data }; static files are returned as they are.
	const data = parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
	return { data, response };
}

function authCookie(response) {
	const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!setCookie) throw new Error('n8n did not set the n8n-auth cookie');
	return setCookie.split(';')[0];
}

/** A client bound to one instance and one session cookie. */
function client(url, cookie) {
	const call = async (method, path, body) => (await request(url, method, path, { cookie, body })).data;
	return {
		url,
		cookie,
		get: (path) => call('GET', path),
		post: (path, body) => call('POST', path, body ?? {}),
		patch: (path, body) => call('PATCH', path, body ?? {}),
		delete: (path) => call('DELETE', path),

		/** Install a community package by npm name, through n8n's own installer. */
		installCommunityPackage: (name, version) =>
			call('POST', '/rest/community-packages', { name, ...(version ? { version } : {}) }),
		listCommunityPackages: () => call('GET', '/rest/community-packages'),
		uninstallCommunityPackage: (name) =>
			call('DELETE', `/rest/community-packages?name=${encodeURIComponent(name)}`),

		/** Descriptions of every node type n8n has loaded. */
		listNodeTypes: () => call('GET', '/types/nodes.json'),
		listCredentialTypes: () => call('GET', '/types/credentials.json'),
	};
}

/** Create the instance owner (only possible once per user folder) and log in as it. */
async function setupOwner(url, owner = DEFAULT_OWNER) {
	const { response } = await request(url, 'POST', '/rest/owner/setup', { body: owner });
	return client(url, authCookie(response));
}

async function login(url, { email, password } = DEFAULT_OWNER) {
	const { response } = await request(url, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: email, password },
	});
	return client(url, authCookie(response));
}

/**
 * Turn a license feature on. Only n8n started with E2E_TESTS=true has this
 * route (n8n's own end-to-end test hook; it replaces the license checks).
 */
async function enableLicenseFeature(url, feature) {
	await request(url, 'PATCH', '/rest/e2e/feature', { body: { feature, enabled: true } });
}

const LICENSE_FEATURES = {
	// Needed to install community packages from any registry but registry.npmjs.org.
	communityNodesCustomRegistry: 'feat:communityNodes:customRegistry',
};

module.exports = { setupOwner, login, client, enableLicenseFeature, LICENSE_FEATURES, DEFAULT_OWNER };
