'use strict';
// Reads and writes records the way the PBX would: assigns Ids and numbers,
// enforces 3CX's uniqueness rules, merges PATCH bodies and writes an audit
// log entry for every change made through the API.
const { createPrng, deriveSeed, hashName } = require('./prng');
const { makeEntity } = require('./entity-templates');
const { DN_SETS, entitySetDef } = require('./entity-sets');
const { alreadyInUse } = require('./errors');

const AUDIT_ACTION = { create: 0, update: 1, delete: 2 };
const MAX_NUMBER_PROBES = 100000;

class PbxStore {
	/** @param {object} state the PBX data, keyed by entity set name @param {number} seed */
	constructor(state, seed) {
		this.state = state;
		this.seed = seed;
	}

	rows(setName) {
		return this.state[setName];
	}

	findByKey(setName, key) {
		const def = entitySetDef(setName);
		return this.find(setName, (row) => String(row[def.key]) === String(key));
	}

	findByProperty(setName, field, value) {
		return this.find(setName, (row) => row[field] !== undefined && String(row[field]) === String(value));
	}

	find(setName, predicate) {
		const rows = this.rows(setName);
		for (let i = 0; i < rows.length; i++) {
			const row = rows.at(i);
			if (predicate(row)) return row;
		}
		return undefined;
	}

	/** DNs share one Id sequence; other sets count on their own. */
	nextId(setName) {
		const def = entitySetDef(setName);
		if (def.dn) return Math.max(0, ...DN_SETS.flatMap((name) => this.rows(name).map((row) => row.Id))) + 1;
		const rows = this.rows(setName);
		if (rows.orderedBy?.has(def.key)) return rows.length === 0 ? 1 : Number(rows.at(-1)[def.key]) + 1;
		let max = 0;
		for (let i = 0; i < rows.length; i++) max = Math.max(max, Number(rows.at(i)[def.key]) || 0);
		return max + 1;
	}

	/** The DN that uses `number` in the shared number plan, if any. */
	numberOwner(number) {
		for (const setName of DN_SETS) {
			const entity = this.findByProperty(setName, 'Number', number);
			if (entity) return entity;
		}
		return undefined;
	}

	firstFreeNumber(setName) {
		const { first, prefix = '' } = entitySetDef(setName).numbers;
		for (let n = first; n < first + MAX_NUMBER_PROBES; n++) {
			if (!this.numberOwner(`${prefix}${n}`)) return `${prefix}${n}`;
		}
		throw new Error(`no free number for ${setName}`);
	}

	nextGroupNumber() {
		for (let n = 0; n < MAX_NUMBER_PROBES; n++) {
			const number = `GRP${String(n).padStart(4, '0')}`;
			if (!this.findByProperty('Groups', 'Number', number)) return number;
		}
		throw new Error('no free group number');
	}

	/** POST: a full record from the body, with server-assigned key and number. */
	create(setName, body, actor) {
		const def = entitySetDef(setName);
		const fields = withoutAnnotations(body);
		delete fields[def.key];
		this.checkUnique(setName, fields, undefined);
		def.check?.(fields, this.state);
		if (def.dn && (fields.Number === undefined || fields.Number === null || fields.Number === '')) {
			fields.Number = this.firstFreeNumber(setName);
		}
		if (setName === 'Groups' && !fields.Number) fields.Number = this.nextGroupNumber();
		const entity = this.build(setName, { [def.key]: this.nextId(setName), ...fields });
		this.rows(setName).push(entity);
		this.audit('create', setName, entity, null, actor);
		return entity;
	}

	/** PATCH: merges the body into the record; the key cannot change. */
	update(setName, entity, body, actor) {
		const def = entitySetDef(setName);
		const fields = withoutAnnotations(body);
		delete fields[def.key];
		this.checkUnique(setName, fields, entity);
		def.check?.(fields, this.state);
		const previous = structuredClone(entity);
		mergeInto(entity, fields);
		this.audit('update', setName, entity, previous, actor);
		return entity;
	}

	remove(setName, entity, actor) {
		const rows = this.rows(setName);
		rows.splice(rows.indexOf(entity), 1);
		this.audit('delete', setName, null, entity, actor);
	}

	/**
	 * Adds a record directly, as if the PBX produced it (a call ended, a chat
	 * message arrived): fills the key and every field the caller left out.
	 */
	add(setName, partial = {}) {
		const def = entitySetDef(setName);
		if (!def) throw new Error(`Unknown entity set '${setName}'`);
		const fields = { ...partial };
		if (def.key && (fields[def.key] === undefined || fields[def.key] === null)) fields[def.key] = this.nextId(setName);
		if (def.dn && !fields.Number) fields.Number = this.firstFreeNumber(setName);
		const entity = this.build(setName, fields);
		this.rows(setName).push(entity);
		return entity;
	}

	build(setName, fields) {
		const def = entitySetDef(setName);
		const id = def.key ? fields[def.key] : this.rows(setName).length;
		const rng = createPrng(deriveSeed(this.seed, hashName(setName) + (Number(id) || 0)));
		const ctx = { defaultGroup: this.state.Groups.find((g) => g.IsDefault), now: () => new Date().toISOString() };
		return makeEntity(setName, fields, rng, ctx);
	}

	checkUnique(setName, fields, self) {
		const def = entitySetDef(setName);
		if (def.dn && fields.Number !== undefined && fields.Number !== null && fields.Number !== '') {
			const owner = this.numberOwner(String(fields.Number));
			if (owner && owner !== self) throw alreadyInUse('Number');
		}
		for (const field of def.uniqueFields ?? []) {
			if (fields[field] === undefined) continue;
			const owner = this.findByProperty(setName, field, fields[field]);
			if (owner && owner !== self) throw alreadyInUse(field);
		}
	}

	audit(action, setName, entity, previous, actor) {
		const def = entitySetDef(setName);
		if (def.auditType === undefined || !actor) return;
		const subject = entity ?? previous;
		this.add('AuditLog', {
			Action: AUDIT_ACTION[action],
			ObjectType: def.auditType,
			ObjectName: String(subject.Number ?? subject.Name ?? subject[def.key] ?? ''),
			Source: 1,
			UserName: actor.clientId,
			Ip: actor.ip,
			PrevData: previous ? JSON.stringify(previous) : null,
			NewData: entity ? JSON.stringify(entity) : null,
			Timestamp: new Date().toISOString(),
		});
	}
}

function withoutAnnotations(body) {
	const fields = {};
	for (const [name, value] of Object.entries(body ?? {})) if (!name.includes('@')) fields[name] = value;
	return fields;
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** OData PATCH semantics: complex values merge recursively, collections are replaced. */
function mergeInto(target, patch) {
	for (const [name, value] of Object.entries(patch)) {
		if (isPlainObject(value) && isPlainObject(target[name])) mergeInto(target[name], value);
		else target[name] = value;
	}
	return target;
}

module.exports = { PbxStore, mergeInto };
