'use strict';
// A fake 3CX V20 PBX for tests, demos and benchmarks: the OAuth token
// endpoint and an in-memory XAPI (/xapi/v1) on 127.0.0.1. See README.md.
const { createSeedState } = require('./seed-data');
const { PbxStore } = require('./entity-store');
const { TokenStore } = require('./tokens');
const { FaultQueue } = require('./faults');
const { RequestTaps } = require('./request-taps');
const { createPbxServer } = require('./server');
const { addCall } = require('./call-log');
const { CallControl } = require('./call-control');
const { DemoCalls } = require('./demo-calls');

const DEFAULTS = {
	port: 0,
	clientId: 'demo',
	clientSecret: 'demo-secret',
	tokenLifetimeSeconds: 3600,
	/** undefined: as the version does ('minutes' before 20.0.9, 'seconds' from 20.0.9). */
	expiresInUnit: undefined,
	callHistoryRows: 6000,
	/** Calls in the call log (20.0.6 and later), after those of CallHistoryView. */
	callLogRows: 500,
	seed: 1,
	version: '20.0.10.1000',
	latencyMs: 0,
	/** A larger $top on entity collections answers 3CX's 400; 0 turns the limit off. */
	topLimit: 100,
	/** A longer GetCallLogData period answers 504, as the proxy in front of a live PBX does. */
	callLogMaxRangeDays: 366,
};

function createStats() {
	return { mints: 0, rejectedMints: 0, requests: 0, unauthorized: 0, injectedFaults: 0, byRoute: {} };
}

/**
 * Starts the fake PBX and resolves once it listens.
 * @param {Partial<typeof DEFAULTS> & { clients?: Array<{ clientId: string, clientSecret: string }> }} [options]
 */
async function startFakePbx(options = {}) {
	const config = { ...DEFAULTS, ...options };
	for (const name of ['callHistoryRows', 'callLogRows', 'topLimit']) {
		if (!Number.isInteger(config[name]) || config[name] < 0) throw new Error(`${name} must be a non-negative integer`);
	}
	const clients = [{ clientId: config.clientId, clientSecret: config.clientSecret }, ...(config.clients ?? [])];
	const store = new PbxStore(createSeedState(config), config.seed);
	const tokens = new TokenStore({ clients, lifetimeSeconds: config.tokenLifetimeSeconds });
	const stats = createStats();
	const faults = new FaultQueue();
	const taps = new RequestTaps();
	const callControl = new CallControl({ clientId: config.clientId, dns: config.callControlDns });
	const demoCalls = config.demoCallsEveryMs === undefined ? undefined : new DemoCalls(callControl, { everyMs: config.demoCallsEveryMs });
	const server = createPbxServer({ store, tokens, stats, faults, taps, config, callControl, demoCalls });

	const listen = (port) =>
		new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
	await listen(config.port);
	const { port } = server.address();
	config.port = port;

	/** Stops answering: sockets cut, connections closed, the port released (state kept, as on disk). */
	const goDown = () =>
		new Promise((resolve) => {
			callControl.dropSockets();
			server.close(() => resolve());
			server.closeAllConnections();
		});

	let stopping;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		stats,
		state: store.state,
		/** Every token minted so far answers 401 from now on. */
		expireTokens: () => {
			tokens.expireAll();
			callControl.closeSocketsWithout(() => false);
		},
		/** Once: the live token answers `requests` more XAPI requests, then 401 (expired mid-run). */
		expireTokensAfter: (requests) => tokens.expireAfter(requests),
		/** The next `times` XAPI requests (optionally: matching `route`) answer `status`. */
		failNext: (fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		/** Runs `handler` when a matching XAPI request arrives, before it is answered; returns a remover. */
		onRequest: (route, handler) => taps.add(route, handler),
		/** Adds a record as the PBX itself would (key and defaults filled in); returns it. */
		add: (setName, partial) => store.add(setName, partial),
		/** Updates the PBX in place (X-3CX-Version, SystemStatus.Version and every behaviour that follows it). */
		setVersion: (version) => {
			config.version = version;
			store.state.SystemStatus.Version = version;
		},
		/** A call ending now, written where this update keeps calls (the call log from 20.0.6); returns the row. */
		addCall: (call) => addCall(store, config, call),
		resetStats: () => Object.assign(stats, createStats()),
		/** The Call Control API's calls, sockets and scripting (call-control.js). */
		callControl,
		/** Like a PBX going down: every connection and socket cut, nothing listening until `up()`. */
		down: goDown,
		/** Listens again on the same port, with the same data and tokens. */
		up: () => listen(port),
		/** down(), `downMs` of silence, up(). */
		restart: async (downMs = 0) => {
			await goDown();
			await new Promise((resolve) => setTimeout(resolve, downMs));
			await listen(port);
		},
		stop: () => {
			demoCalls?.stop();
			return (stopping ??= goDown());
		},
	};
}

module.exports = { startFakePbx, DEFAULTS };
