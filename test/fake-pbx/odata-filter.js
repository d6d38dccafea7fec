'use strict';
// $filter: parses the expression once into a JavaScript closure that is then
// run for every row. Supports comparison (eq ne gt ge lt le in), logic
// (and or not), parentheses, member paths (Gateway/Host), lambdas
// (Groups/any(g: g/GroupId eq 1)) and the common string/date functions.
const { tokenize, DateLiteral } = require('./odata-lexer');
const { invalidQuery } = require('./errors');

const COMPARISON = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * @returns {((row: object) => boolean) & { lowerBounds: Array<{ property: string, op: 'gt'|'ge', value: unknown }> }}
 *   lowerBounds: "Property gt/ge literal" terms every match must satisfy,
 *   which lets a query on rows sorted by that property skip straight to the
 *   first candidate (pollers ask for "SegmentStartTime gt <last seen>").
 */
function compileFilter(text) {
	const parser = new Parser(tokenize(text), text);
	const evaluate = parser.parseExpression();
	parser.expectEnd();
	const predicate = (row) => evaluate(row, EMPTY_SCOPE) === true;
	predicate.lowerBounds = evaluate.lowerBounds ?? [];
	return predicate;
}

const EMPTY_SCOPE = new Map();

class Parser {
	constructor(tokens, source) {
		this.tokens = tokens;
		this.source = source;
		this.index = 0;
	}

	peek(offset = 0) {
		return this.tokens[this.index + offset];
	}

	next() {
		return this.tokens[this.index++];
	}

	fail(message) {
		const token = this.peek();
		return invalidQuery(`${message} at position ${token.pos} in '${this.source}'.`);
	}

	isWord(word, offset = 0) {
		const token = this.peek(offset);
		return token.type === 'ident' && token.value === word;
	}

	isPunct(ch, offset = 0) {
		const token = this.peek(offset);
		return token.type === 'punct' && token.value === ch;
	}

	expectPunct(ch) {
		if (!this.isPunct(ch)) throw this.fail(`Expected '${ch}'`);
		this.next();
	}

	expectEnd() {
		if (this.peek().type !== 'eof') throw this.fail('Syntax error');
	}

	parseExpression() {
		let left = this.parseAnd();
		while (this.isWord('or')) {
			this.next();
			const a = left;
			const b = this.parseAnd();
			left = (row, scope) => a(row, scope) === true || b(row, scope) === true;
		}
		return left;
	}

	parseAnd() {
		let left = this.parseNot();
		while (this.isWord('and')) {
			this.next();
			const a = left;
			const b = this.parseNot();
			left = (row, scope) => a(row, scope) === true && b(row, scope) === true;
			left.lowerBounds = [...(a.lowerBounds ?? []), ...(b.lowerBounds ?? [])];
		}
		return left;
	}

	parseNot() {
		if (this.isWord('not')) {
			this.next();
			const inner = this.parseNot();
			return (row, scope) => inner(row, scope) !== true;
		}
		return this.parseComparison();
	}

	parseComparison() {
		const left = this.parsePrimary();
		const token = this.peek();
		if (token.type === 'ident' && COMPARISON.has(token.value)) {
			this.next();
			const right = this.parsePrimary();
			const op = token.value;
			const comparison = (row, scope) => compare(op, left(row, scope), right(row, scope));
			const isLowerBound = (op === 'gt' || op === 'ge') && left.property !== undefined && right.literal !== undefined;
			if (isLowerBound) comparison.lowerBounds = [{ property: left.property, op, value: right.literal.value }];
			return comparison;
		}
		if (token.type === 'ident' && token.value === 'in') {
			this.next();
			const options = this.parseList();
			return (row, scope) => {
				const value = left(row, scope);
				return options.some((option) => compare('eq', value, option(row, scope)));
			};
		}
		if (token.type === 'ident' && ['has', 'add', 'sub', 'mul', 'div', 'mod'].includes(token.value)) {
			throw this.fail(`The operator '${token.value}' is not supported by this fake PBX`);
		}
		return left;
	}

	parseList() {
		this.expectPunct('(');
		const items = [this.parsePrimary()];
		while (this.isPunct(',')) {
			this.next();
			items.push(this.parsePrimary());
		}
		this.expectPunct(')');
		return items;
	}

	parsePrimary() {
		const token = this.peek();
		if (token.type === 'punct' && token.value === '(') {
			this.next();
			const inner = this.parseExpression();
			this.expectPunct(')');
			return inner;
		}
		if (token.type === 'literal') {
			this.next();
			const value = token.value;
			const literal = () => value;
			literal.literal = { value };
			return literal;
		}
		if (token.type === 'ident') {
			if (this.isPunct('(', 1)) return this.parseFunctionCall();
			return this.parseMemberPath();
		}
		throw this.fail('Expression expected');
	}

	parseFunctionCall() {
		const name = this.next().value;
		const fn = FUNCTIONS[name.toLowerCase()];
		if (!fn) throw invalidQuery(`An unknown function with name '${name}' was found in '${this.source}'.`);
		this.expectPunct('(');
		const args = [];
		if (!this.isPunct(')')) {
			args.push(this.parseExpression());
			while (this.isPunct(',')) {
				this.next();
				args.push(this.parseExpression());
			}
		}
		this.expectPunct(')');
		return (row, scope) => fn(...args.map((arg) => arg(row, scope)));
	}

	parseMemberPath() {
		const parts = [this.next().value];
		while (this.isPunct('/')) {
			this.next();
			const token = this.next();
			if (token.type !== 'ident') throw this.fail('Property name expected');
			if ((token.value === 'any' || token.value === 'all') && this.isPunct('(')) {
				return this.parseLambda(parts, token.value);
			}
			parts.push(token.value);
		}
		return memberAccessor(parts);
	}

	parseLambda(collectionPath, kind) {
		const collection = memberAccessor(collectionPath);
		this.expectPunct('(');
		if (this.isPunct(')')) {
			this.next();
			return (row, scope) => {
				const items = collection(row, scope);
				return Array.isArray(items) && (kind === 'all' || items.length > 0);
			};
		}
		const variable = this.next();
		if (variable.type !== 'ident') throw this.fail('Lambda variable expected');
		this.expectPunct(':');
		const body = this.parseExpression();
		this.expectPunct(')');
		return (row, scope) => {
			const items = collection(row, scope);
			if (!Array.isArray(items)) return false;
			const test = (item) => body(row, new Map([...scope, [variable.value, item]])) === true;
			return kind === 'any' ? items.some(test) : items.every(test);
		};
	}
}

/** Property path; the first part may be a lambda variable. Unknown properties read as null. */
function memberAccessor(parts) {
	const [first, ...rest] = parts;
	const accessor = (row, scope) => {
		let value = scope.has(first) ? scope.get(first) : row?.[first];
		for (const part of rest) value = value?.[part];
		return value === undefined ? null : value;
	};
	if (rest.length === 0) accessor.property = first;
	return accessor;
}

function compare(op, a, b) {
	if (a === null || a === undefined || b === null || b === undefined) {
		const bothNull = (a === null || a === undefined) && (b === null || b === undefined);
		if (op === 'eq') return bothNull;
		if (op === 'ne') return !bothNull;
		return false;
	}
	const order = orderOf(a, b);
	switch (op) {
		case 'eq':
			return order === 0;
		case 'ne':
			return order !== 0;
		case 'gt':
			return order > 0;
		case 'ge':
			return order >= 0;
		case 'lt':
			return order < 0;
		default:
			return order <= 0;
	}
}

/** Three-way comparison of two non-null values, comparing instants for dates. */
function orderOf(a, b) {
	const aDate = a instanceof DateLiteral || (typeof a === 'string' && ISO_DATETIME.test(a));
	const bDate = b instanceof DateLiteral || (typeof b === 'string' && ISO_DATETIME.test(b));
	if (aDate && bDate) return Math.sign(toTime(a) - toTime(b));
	if (typeof a !== typeof b) {
		a = String(a);
		b = String(b);
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

function toTime(value) {
	return value instanceof DateLiteral ? value.time : Date.parse(value);
}

function asString(value) {
	if (value === null || value === undefined) return null;
	return String(value);
}

function datePart(getter) {
	return (value) => {
		if (value === null || value === undefined) return null;
		const time = toTime(value);
		return Number.isNaN(time) ? null : getter(new Date(time));
	};
}

const FUNCTIONS = {
	contains: (a, b) => asString(a) !== null && asString(b) !== null && asString(a).includes(asString(b)),
	startswith: (a, b) => asString(a) !== null && asString(b) !== null && asString(a).startsWith(asString(b)),
	endswith: (a, b) => asString(a) !== null && asString(b) !== null && asString(a).endsWith(asString(b)),
	indexof: (a, b) => (asString(a) === null ? null : asString(a).indexOf(asString(b))),
	tolower: (a) => (asString(a) === null ? null : asString(a).toLowerCase()),
	toupper: (a) => (asString(a) === null ? null : asString(a).toUpperCase()),
	trim: (a) => (asString(a) === null ? null : asString(a).trim()),
	length: (a) => (Array.isArray(a) ? a.length : asString(a) === null ? null : asString(a).length),
	concat: (a, b) => (asString(a) ?? '') + (asString(b) ?? ''),
	substring: (a, start, length) => (asString(a) === null ? null : asString(a).substr(start, length)),
	year: datePart((d) => d.getUTCFullYear()),
	month: datePart((d) => d.getUTCMonth() + 1),
	day: datePart((d) => d.getUTCDate()),
	hour: datePart((d) => d.getUTCHours()),
	minute: datePart((d) => d.getUTCMinutes()),
	second: datePart((d) => d.getUTCSeconds()),
	now: () => new DateLiteral(new Date().toISOString()),
};

module.exports = { compileFilter, compare, orderOf };
