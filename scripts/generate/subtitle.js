// @ts-check
'use strict';
const { ACRONYMS } = require('./naming');

/**
 * The canvas subtitle: the label of the chosen action, as the node creator listed it ("Get many
 * users", "Update user"). The editor evaluates `subtitle` as an expression and knows only the
 * parameter values, so the expression rebuilds the label from the operation and resource values
 * by the rule below, and carries a table for the labels the rule gets wrong. The generator runs
 * the same rule to find those; the node adds its hand-written operations' labels to the table and
 * builds the expression (nodes/ThreeCx/subtitle.ts).
 */
const RULE = `(o, r, X) => {
	if (X[o]) return X[o];
	const A = /^(${ACRONYMS.map((a) => a.toLowerCase()).join('|')}|id)$/;
	const w = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ').map((x) => (A.test(x.toLowerCase()) ? x.toUpperCase() : x.toLowerCase()));
	const N = /^(and|by|data|for|get|in|my|of|on|report|set|setting|to)$/;
	const k = (v) => v.map((x) => x.toLowerCase().replace(/ies$/, 'y').replace(/([^su])s$/, '$1')).filter((x) => !N.test(x));
	const a = w(o);
	const t = w(r);
	let l = a.join(' ');
	if (a[0] === 'list' && k(a.slice(1)).every((x) => k(t).includes(x))) l = 'get many ' + t.join(' ');
	else if (!k(a).some((x) => k(t).includes(x))) l += (a.length > 1 ? ' for ' : ' ') + t.join(' ');
	return l[0].toUpperCase() + l.slice(1);
}`;

/** @param {string} source */
const compact = (source) => source.replace(/\n\t*/g, ' ');

/**
 * The rule, on one line, and the labels it gets wrong for `operations`.
 * @param {Array<{ value: string; resource: string; action?: string }>} operations
 */
function subtitleParts(operations) {
	const rule = new Function(`return ${RULE}`)();
	/** @type {Record<string, string | undefined>} */
	const labels = {};
	for (const { value, resource, action } of operations) if (rule(value, resource, {}) !== action) labels[value] = action;
	return { rule: compact(RULE), labels };
}

module.exports = { subtitleParts };
