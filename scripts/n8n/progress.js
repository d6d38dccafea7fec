'use strict';
// Progress lines for the long steps of a first `npm start` (installing n8n, compiling sqlite3,
// n8n's first boot): what is happening, how long it usually takes, and the time so far, every
// `everyMs`, so that a silent npm or node-gyp does not look like a hang.

/** "45 s", "3 min 05 s" */
function formatElapsed(ms) {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * Runs `work()` (a promise-returning function), printing `[tag] what (usually …) …` first, then
 * `[tag]   … still <what>, <elapsed>` every `everyMs`, and `[tag] <what>: done in <elapsed>` at the end.
 */
async function withProgress(tag, what, work, { usually, everyMs = 30_000, print = (line) => console.log(line), now = Date.now } = {}) {
	const started = now();
	print(`[${tag}] ${what}${usually ? ` (usually ${usually})` : ''} …`);
	const timer = setInterval(() => print(`[${tag}]   … still ${what.charAt(0).toLowerCase()}${what.slice(1)}, ${formatElapsed(now() - started)}`), everyMs);
	try {
		const result = await work();
		print(`[${tag}] ${what}: done in ${formatElapsed(now() - started)}`);
		return result;
	} finally {
		clearInterval(timer);
	}
}

module.exports = { withProgress, formatElapsed };
