'use strict';
// What every section measures against: the same PBX client, items and page size.
const path = require('path');
const { projectRoot } = require('./common');

/** The node's own page size, so that the raw client asks for the same pages. */
const { PAGE_SIZE } = require(path.join(projectRoot, 'dist', 'nodes', 'ThreeCx', 'odata', 'paging.js'));

/** The fake PBX seeds users 1–50; item i asks for user USER_IDS[i % 50]. */
const USER_IDS = Array.from({ length: 50 }, (_, i) => i + 1);

/** Rows read before a timed Return All, so that both clients are measured warm (two pages). */
const WARM_UP_ROWS = 2 * PAGE_SIZE;

const PBX_CLIENT = { clientId: 'bench', clientSecret: 'bench-secret' };

/** ThreeCxApi credential data for a PBX. */
function credentialData(pbxUrl, clientId = PBX_CLIENT.clientId, apiKey = PBX_CLIENT.clientSecret) {
	return { url: pbxUrl, clientId, apiKey, ignoreSslIssues: false };
}

/** A 3CX node doing User › Get, the user given By ID (a number or an expression). */
function threeCxGetUser({ name, credential, id }) {
	return {
		name,
		type: 'n8n-nodes-3cx.threeCx',
		typeVersion: 1,
		parameters: { resource: 'users', operation: 'getUser', userId: { __rl: true, mode: 'id', value: id } },
		credentials: { threeCxApi: credential },
	};
}

function itemIds(count) {
	return Array.from({ length: count }, (_, i) => ({ id: USER_IDS[i % USER_IDS.length] }));
}

module.exports = { PAGE_SIZE, WARM_UP_ROWS, USER_IDS, PBX_CLIENT, credentialData, threeCxGetUser, itemIds };
