// @ts-check
'use strict';
const { compareText } = require('./order');

/** @typedef {{ property: { name: string }; operations: string[]; rename: (name: string) => void; yields?: boolean }} NamedEntry */

/**
 * One node parameter name, one top-level property. n8n's declarative engine resolves
 * `node.parameters[property.name]` for every top-level property on every item (twice), shown or
 * not; fourteen properties named `id` turned one `{{ $json.id }}` into fourteen evaluations per
 * item. So when properties share a name, the one used by the most operations keeps it and each
 * other is named after its first operation ("getPhoneRegistrarMac").
 *
 * `entries` are { property, operations: [operation value…], rename(name), yields? }; `rename`
 * writes the new name back where the endpoint table reads it. A `yields` entry (an input only an
 * older form of a function takes, added later than the rest) gives way in a clash, so that no
 * existing parameter is renamed under the workflows that use it.
 * @param {NamedEntry[]} entries
 * @param {ReadonlySet<string>} reserved
 */
function giveUniqueNames(entries, reserved) {
	/** @type {Map<string, NamedEntry[]>} */
	const byName = new Map();
	for (const entry of entries) byName.set(entry.property.name, [...(byName.get(entry.property.name) ?? []), entry]);
	for (const [name, group] of byName) {
		if (group.length === 1 && !reserved.has(name)) continue;
		group.sort(
			(a, b) => Number(Boolean(a.yields)) - Number(Boolean(b.yields)) || b.operations.length - a.operations.length || compareText(a.operations[0], b.operations[0]),
		);
		group.forEach((entry, index) => {
			if (index === 0 && !reserved.has(name)) return;
			const unique = `${entry.operations[0]}${name[0].toUpperCase()}${name.slice(1)}`;
			entry.property.name = unique;
			entry.rename(unique);
		});
	}
	const names = new Set(reserved);
	for (const { property } of entries) {
		if (names.has(property.name)) throw new Error(`Two top-level properties are still named "${property.name}"`);
		names.add(property.name);
	}
}

/**
 * Within one operation, two inputs with one name would read each other's value.
 * @param {{ value: string }} op
 * @param {string[]} names
 */
function checkOperationInputs(op, names) {
	const seen = new Set();
	for (const name of names) {
		if (seen.has(name)) throw new Error(`Operation ${op.value} has two inputs named "${name}"`);
		seen.add(name);
	}
}

module.exports = { giveUniqueNames, checkOperationInputs };
