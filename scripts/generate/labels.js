// @ts-check
'use strict';
const { title, sentence } = require('./naming');

/** @typedef {import('./model').Operation} Operation */

/**
 * Resource names in n8n's form, singular ("User", "Call Flow App"; n8n's lint rule checks it with
 * `pluralize`). A report is named by what it reports on ("Audit Log Report"); a settings object is
 * a "Setting" as the rule would have it. These few would read wrong with the rule's singular.
 * @type {Record<string, string>}
 */
const RESOURCE_NAMES = {
	Defs: 'Definition',
	Fxs: 'FXS Device',
	GeneralSettingsForApps: 'App General Setting',
	GeneralSettingsForPbx: 'PBX General Setting',
	GetUpdateDetails: 'Update Info',
	OfficeHours: 'Office Hours Schedule',
	Receptionists: 'Receptionist (IVR)',
};

/**
 * How actions name these resources, where 3CX's tag would not do ("Defs").
 * @type {Record<string, string>}
 */
const THINGS = { Defs: 'Definitions', Fxs: 'FXS Devices' };
/** @param {string} tag */
const thingsOf = (tag) => THINGS[tag] ?? title(tag);

/**
 * "Settings" → "Setting", "Directories" → "Directory", "SBCs" → "SBC"; "Status" and "History" stay.
 * @param {string} word
 */
function singularWord(word) {
	if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
	if (/(ss|us|is)$/.test(word) || !/s$/.test(word)) return word;
	return word.slice(0, -1);
}

/** @param {string} tag */
function resourceName(tag) {
	if (RESOURCE_NAMES[tag]) return RESOURCE_NAMES[tag];
	let parts = title(tag).split(' ');
	if (parts[0] === 'Report' && parts.length > 1) parts = [...parts.slice(1), 'Report'];
	parts[parts.length - 1] = singularWord(parts[parts.length - 1]);
	return parts.join(' ');
}

const ENDS_IN_VERB = /(^\w+|\b(Add|Clean Up|Create|Delete|Purge|Reset|Restart|Restore|Update))$/;

/** Words that say nothing about which thing an action acts on. */
const NEUTRAL = new Set(['and', 'by', 'data', 'for', 'get', 'in', 'my', 'of', 'on', 'report', 'set', 'setting', 'to']);
/** @param {string} text */
const significant = (text) => text.toLowerCase().split(' ').map(singularWord).filter((w) => !NEUTRAL.has(w));

/**
 * The label n8n's node creator lists and searches: the operation in sentence case, saying which
 * resource it is about when its own words do not ("Purge outbound rules", "Test email for mail
 * settings"). Get Many reads "Get many users".
 * @param {Operation} op
 */
function actionLabel(op) {
	const things = thingsOf(op.tag);
	if (op.crud === 'list') return sentence(`Get many ${things}`);
	if (op.crud === 'get' && THINGS[op.tag]) return sentence(`Get ${things}`);
	const name = title(op.operationId);
	const about = new Set(significant(things));
	if (significant(name).some((w) => about.has(w))) return sentence(name);
	// A name that ends in its verb takes the resource as its object: "Batch delete users".
	const asObject = ENDS_IN_VERB.test(name) && name.split(' ').length <= 2;
	return sentence(asObject ? `${name} ${things}` : `${name} for ${things}`);
}

/**
 * Every operation's label, unique in the node: where two read the same, the one not naming its
 * resource's thing says which resource it is about.
 * @param {Operation[]} operations
 */
function labelActions(operations) {
	for (const op of operations) op.action = actionLabel(op);
	const count = new Map();
	for (const op of operations) count.set(op.action, (count.get(op.action) ?? 0) + 1);
	for (const op of operations.filter((o) => count.get(o.action) > 1)) {
		const head = singularWord(thingsOf(op.tag).split(' ').slice(-1)[0].toLowerCase());
		// Set by the first loop.
		if (!significant(/** @type {string} */ (op.action)).includes(head)) op.action = sentence(`${title(op.operationId)} for ${thingsOf(op.tag)}`);
	}
}

module.exports = { resourceName, labelActions };
