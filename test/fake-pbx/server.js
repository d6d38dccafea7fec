'use strict';
// The HTTP front: counts every request, serves the OAuth token endpoint,
// applies injected faults, checks bearer tokens, routes /xapi/v1 requests
// and turns thrown XAPI errors into responses.
const http = require('http');
const { describeRequest, route, requestArguments } = require('./router');
const { parseQueryOptions } = require('./odata-query');
const {
	emptyResponse,
	errorResponse,
	readBody,
	parseJsonBody,
	parseFormBody,
	bearerToken,
	basicCredentials,
	writeResponse,
} = require('./http-io');
const { XapiError } = require('./errors');
const { expiresInUnitOf } = require('./version');
const { acceptUpgrade, refuseUpgrade } = require('./websocket');

const XAPI_ROOT = '/xapi/v1';
const TOKEN_PATH = '/connect/token';
const CALL_CONTROL_ROOT = '/callcontrol';
const CALL_CONTROL_SOCKET = '/callcontrol/ws';
const DEMO_CALL_PATH = '/demo/call';

/**
 * @param {{ store: import('./entity-store').PbxStore, tokens: import('./tokens').TokenStore,
 *   stats: object, faults: import('./faults').FaultQueue, taps: import('./request-taps').RequestTaps,
 *   config: object, callControl: import('./call-control').CallControl,
 *   demoCalls?: import('./demo-calls').DemoCalls }} deps
 */
function createPbxServer({ store, tokens, stats, faults, taps, config, callControl, demoCalls }) {
	function count(routeKey) {
		stats.requests++;
		stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
	}

	async function handleToken(req, raw) {
		count(`${req.method} ${TOKEN_PATH}`);
		const fault = faults.take('token', `${req.method} ${TOKEN_PATH}`);
		if (fault) return errorResponse(fault);
		if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.');

		const form = parseFormBody(req.headers['content-type'], raw);
		if (!form) return oauthError(400, 'invalid_request', "The 'Content-Type' header must be form data.");
		const basic = basicCredentials(req);
		const clientId = form.get('client_id') ?? basic?.clientId;
		const clientSecret = form.get('client_secret') ?? basic?.clientSecret;
		if (form.get('grant_type') !== 'client_credentials') {
			stats.rejectedMints++;
			return oauthError(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.');
		}
		if (!tokens.checkClient(clientId, clientSecret)) {
			stats.rejectedMints++;
			return oauthError(400, 'invalid_client');
		}
		const { token } = tokens.mint(clientId);
		stats.mints++;
		callControl.closeSocketsWithout((live) => tokens.isLive(live));
		const unit = config.expiresInUnit ?? expiresInUnitOf(config.version);
		const expiresIn = unit === 'minutes' ? Math.max(1, Math.round(config.tokenLifetimeSeconds / 60)) : config.tokenLifetimeSeconds;
		return {
			status: 200,
			headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
			body: JSON.stringify({ token_type: 'Bearer', expires_in: expiresIn, access_token: token }),
		};
	}

	/** An injected fault, or 401 for a missing, revoked or expired token; else the client the token is for. */
	function admit(req, routeKey) {
		const fault = faults.take('xapi', routeKey);
		if (fault) {
			stats.injectedFaults++;
			return { refused: errorResponse(fault) };
		}
		const auth = tokens.verify(bearerToken(req));
		if (!auth.ok) {
			stats.unauthorized++;
			const challenge = auth.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="The access token is ${auth.reason === 'expired' ? 'expired' : 'invalid'}"`;
			return { refused: emptyResponse(401, { 'WWW-Authenticate': challenge }) };
		}
		return { auth };
	}

	async function handleXapi(req, url, raw) {
		let described;
		try {
			described = describeRequest(url.pathname.slice(XAPI_ROOT.length));
		} catch (error) {
			count(`${req.method} (unparsable path)`);
			throw error;
		}
		const routeKey = `${req.method} ${described.template}`;
		count(routeKey);
		taps.run(routeKey, url.searchParams);

		const { refused, auth } = admit(req, routeKey);
		if (refused) return refused;

		const { key, params, literals } = requestArguments(described.segments);
		let queryOptions;
		let body;
		const ctx = {
			method: req.method,
			segments: described.segments,
			key,
			params,
			literals,
			store,
			state: store.state,
			config,
			serviceRoot: `http://${req.headers.host || `127.0.0.1:${config.port}`}${XAPI_ROOT}`,
			actor: { clientId: auth.clientId, ip: req.socket.remoteAddress || '127.0.0.1' },
			queryOptions: () => (queryOptions ??= parseQueryOptions(url.searchParams)),
			body: () => (body ??= parseJsonBody(req, raw)),
		};
		return route(ctx);
	}

	/** Call Control REST: the same bearer token as XAPI; faults apply with scope 'xapi' or 'all'. */
	async function handleCallControl(req, url, raw) {
		const routeKey = `${req.method} ${url.pathname.replace(/^(\/callcontrol\/)[^/]+/, '$1{dn}').replace(/(\/participants\/)\d+/, '$1{id}').replace(/(\/devices\/)[^/]+/, '$1{deviceid}')}`;
		count(routeKey);
		const { refused } = admit(req, routeKey);
		if (refused) return refused;
		let body;
		if (req.method === 'POST') {
			try {
				body = parseJsonBody(req, raw);
			} catch (error) {
				return errorResponse(error);
			}
		}
		return callControl.handle(req.method, url.pathname, body);
	}

	async function respond(req) {
		const url = new URL(req.url, 'http://127.0.0.1');
		const raw = await readBody(req);
		if (url.pathname === TOKEN_PATH) return handleToken(req, raw);
		if (url.pathname === CALL_CONTROL_ROOT || url.pathname.startsWith(`${CALL_CONTROL_ROOT}/`)) return handleCallControl(req, url, raw);
		// Not 3CX's: the demo's "a call now" button (npm start).
		if (url.pathname === DEMO_CALL_PATH && demoCalls && req.method === 'POST') {
			const missed = url.searchParams.get('missed');
			const callid = demoCalls.place(missed === null ? {} : { missed: missed === 'true' });
			return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ callid }) };
		}
		if (url.pathname === XAPI_ROOT || url.pathname.startsWith(`${XAPI_ROOT}/`)) {
			const response = await handleXapi(req, url, raw).catch(toErrorResponse);
			// Real PBXs stamp their build on every XAPI answer; clients read it as the version.
			response.headers['X-3CX-Version'] = config.version;
			return response;
		}
		count(`${req.method} (outside /xapi/v1)`);
		return emptyResponse(404);
	}

	const server = http.createServer((req, res) => {
		respond(req)
			.catch(toErrorResponse)
			.then(async (response) => {
				if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
				if (!res.destroyed) writeResponse(res, response);
			});
	});
	server.keepAliveTimeout = 5000;
	server.on('upgrade', (req, socket) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		count(`GET ${url.pathname} (WebSocket)`);
		if (url.pathname !== CALL_CONTROL_SOCKET) return refuseUpgrade(socket, 404, 'Not Found');
		const token = bearerToken(req);
		if (!tokens.verify(token).ok) {
			stats.unauthorized++;
			return refuseUpgrade(socket, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
		}
		let detach = () => {};
		const accepted = acceptUpgrade(req, socket, () => detach());
		if (accepted) detach = callControl.attach(accepted, token);
	});
	return server;
}

function toErrorResponse(error) {
	if (error instanceof XapiError) return errorResponse(error);
	console.error('[fake-pbx] unexpected error:', error);
	return errorResponse(new XapiError(500, `Internal error in fake PBX: ${error.message}`));
}

function oauthError(status, error, description) {
	const payload = description ? { error, error_description: description } : { error };
	return { status, headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' }, body: JSON.stringify(payload) };
}

module.exports = { createPbxServer };
