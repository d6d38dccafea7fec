// @ts-check
'use strict';

/**
 * "3CX 20.0.4–20.0.8 only" / "3CX 20.0.7 and later" for a thing present in some updates,
 * undefined when every update has it. Ranges are over the known updates, so gaps list each run.
 * @param {string[]} present
 * @param {string[]} all
 * @param {string[]} [scope]
 * @returns {string | undefined}
 */
function versionNote(present, all, scope = all) {
	const inScope = scope.filter((v) => present.includes(v));
	if (inScope.length === scope.length) return undefined;
	/** @type {Array<{ start: string; end: string }>} */
	const runs = [];
	for (const v of scope) {
		const on = inScope.includes(v);
		const last = runs[runs.length - 1];
		if (on && last && last.end === scope[scope.indexOf(v) - 1]) last.end = v;
		else if (on) runs.push({ start: v, end: v });
	}
	const newest = all[all.length - 1];
	const text = runs.map(({ start, end }) => {
		if (end === newest && runs.length === 1) return `${start} and later`;
		return start === end ? start : `${start}–${end}`;
	});
	const onlyLater = runs.length === 1 && runs[0].end === newest;
	return `3CX ${text.join(', ')}${onlyLater ? '' : ' only'}`;
}

module.exports = { versionNote };
