'use strict';
// An append-only, array-like list whose first `length` rows are built on
// first access. A 100k-row call history then starts instantly and a paged
// request only pays for the rows it returns.

class LazyRows {
	/**
	 * @param {number} length rows that `makeRow(index)` can build
	 * @param {(index: number) => object} makeRow
	 * @param {{ orderedBy?: string[] }} [options] fields whose values never
	 *   decrease with the index; lets queries skip sorting and full scans
	 */
	constructor(length, makeRow, { orderedBy = [] } = {}) {
		this.rows = new Array(length);
		this.makeRow = makeRow;
		this.orderedBy = new Set(orderedBy);
	}

	get length() {
		return this.rows.length;
	}

	/** Like Array.prototype.at: negative indexes count from the end. */
	at(index) {
		const i = index < 0 ? index + this.rows.length : index;
		if (i < 0 || i >= this.rows.length) return undefined;
		let row = this.rows[i];
		if (row === undefined) {
			row = this.makeRow(i);
			this.rows[i] = row;
		}
		return row;
	}

	push(...newRows) {
		for (const row of newRows) {
			// A row that breaks an ordering makes the shortcut unsafe from now on.
			const last = this.rows.length > 0 ? this.at(-1) : undefined;
			for (const field of [...this.orderedBy]) {
				if (last && compareOrdered(row[field], last[field]) < 0) this.orderedBy.delete(field);
			}
			this.rows.push(row);
		}
		return this.rows.length;
	}

	*[Symbol.iterator]() {
		for (let i = 0; i < this.rows.length; i++) yield this.at(i);
	}

	toArray() {
		return [...this];
	}

	toJSON() {
		return this.toArray();
	}
}

function compareOrdered(a, b) {
	if (a === b) return 0;
	if (a === undefined || a === null) return -1;
	if (b === undefined || b === null) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const ta = Date.parse(a);
		const tb = Date.parse(b);
		if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

module.exports = { LazyRows };
