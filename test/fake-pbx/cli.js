#!/usr/bin/env node
'use strict';
// Runs the fake PBX until SIGINT/SIGTERM or --max-seconds, whichever comes
// first, so a forgotten demo server never lingers.
//   node test/fake-pbx/cli.js --port 5001 [--rows 6000] [--token-lifetime 3600]
//     [--client-id demo] [--client-secret demo-secret] [--seed 1]
//     [--expires-in-unit seconds|minutes] [--latency-ms 0] [--max-seconds 14400]
//     [--version 20.0.10.1000] [--top-limit 100] [--call-log-rows 500]
const { startFakePbx } = require('./index');

const OPTIONS = {
	'--port': ['port', Number],
	'--rows': ['callHistoryRows', Number],
	'--token-lifetime': ['tokenLifetimeSeconds', Number],
	'--client-id': ['clientId', String],
	'--client-secret': ['clientSecret', String],
	'--seed': ['seed', Number],
	'--expires-in-unit': ['expiresInUnit', String],
	'--latency-ms': ['latencyMs', Number],
	'--version': ['version', String],
	'--top-limit': ['topLimit', Number],
	'--call-log-rows': ['callLogRows', Number],
	'--max-seconds': ['maxSeconds', Number],
};

function parseArgs(argv) {
	const parsed = { port: 5001, maxSeconds: 4 * 60 * 60 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inlineValue] = argv[i].split(/=(.*)/s);
		const option = OPTIONS[flag];
		if (!option) throw new Error(`Unknown option ${argv[i]}`);
		const value = inlineValue ?? argv[++i];
		if (value === undefined) throw new Error(`Missing value for ${flag}`);
		const [name, convert] = option;
		parsed[name] = convert(value);
		if (convert === Number && !Number.isFinite(parsed[name])) throw new Error(`${flag} needs a number, got '${value}'`);
	}
	return parsed;
}

async function main() {
	const { maxSeconds, ...options } = parseArgs(process.argv.slice(2));
	const pbx = await startFakePbx(options);
	console.log(pbx.url);
	console.log(
		`Fake 3CX PBX listening on ${pbx.url} (client_id=${options.clientId ?? 'demo'}, ` +
			`client_secret=${options.clientSecret ?? 'demo-secret'}, ${pbx.state.CallHistoryView.length} call-history rows); ` +
			`stops after ${maxSeconds}s or on SIGINT/SIGTERM`,
	);

	let stopped = false;
	const stop = async (reason) => {
		if (stopped) return;
		stopped = true;
		clearTimeout(deadline);
		console.log(`Stopping fake PBX (${reason}) after ${pbx.stats.requests} requests`);
		await pbx.stop();
		process.exit(0);
	};
	const deadline = setTimeout(() => stop('max-seconds reached'), maxSeconds * 1000);
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
	console.error(`fake-pbx: ${error.message}`);
	process.exit(1);
});
