'use strict';
// Splits an OData expression ($filter, key predicate, function parameters)
// into tokens. Literals follow the OData ABNF closely enough for 3CX clients:
// 'text' with '' for a quote, numbers, true/false/null, unquoted
// DateTimeOffset/Date values, GUIDs and typed literals like Pbx.Enum'Value'.
const { invalidQuery } = require('./errors');

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+-]\d{2}:\d{2})/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}(?![\dT:])/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?(?![\w.])/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/;
const PUNCTUATION = new Set(['(', ')', ',', '/', ':', '=']);

/** A literal DateTimeOffset/Date: keeps the instant, compared numerically. */
class DateLiteral {
	constructor(text) {
		this.text = text;
		this.time = Date.parse(text);
	}
	toString() {
		return this.text;
	}
}

function tokenize(source) {
	const tokens = [];
	let pos = 0;
	while (pos < source.length) {
		const rest = source.slice(pos);
		const ch = source[pos];
		if (/\s/.test(ch)) {
			pos++;
			continue;
		}
		if (ch === "'") {
			const { value, end } = readQuoted(source, pos);
			tokens.push({ type: 'literal', value, pos });
			pos = end;
			continue;
		}
		if (PUNCTUATION.has(ch)) {
			tokens.push({ type: 'punct', value: ch, pos });
			pos++;
			continue;
		}
		let match = DATETIME.exec(rest) || DATE_ONLY.exec(rest);
		if (match) {
			const date = new DateLiteral(match[0]);
			if (Number.isNaN(date.time)) throw invalidQuery(`Invalid date '${match[0]}' at position ${pos}.`);
			tokens.push({ type: 'literal', value: date, pos });
			pos += match[0].length;
			continue;
		}
		if ((match = GUID.exec(rest))) {
			tokens.push({ type: 'literal', value: match[0], pos });
			pos += match[0].length;
			continue;
		}
		if ((match = NUMBER.exec(rest))) {
			tokens.push({ type: 'literal', value: Number(match[0].replace(/[mMdDfFlL]$/, '')), pos });
			pos += match[0].length;
			continue;
		}
		if ((match = IDENTIFIER.exec(rest))) {
			const word = match[0];
			const afterWord = pos + word.length;
			if (source[afterWord] === "'") {
				// Typed literal: Pbx.EventLogType'Error', datetimeoffset'…', duration'PT1M'.
				const { value, end } = readQuoted(source, afterWord);
				const isDate = /^(datetime|datetimeoffset|date)$/i.test(word);
				tokens.push({ type: 'literal', value: isDate ? new DateLiteral(value) : value, pos });
				pos = end;
				continue;
			}
			if (word === 'true' || word === 'false') tokens.push({ type: 'literal', value: word === 'true', pos });
			else if (word === 'null') tokens.push({ type: 'literal', value: null, pos });
			else tokens.push({ type: 'ident', value: word, pos });
			pos = afterWord;
			continue;
		}
		throw invalidQuery(`Syntax error at position ${pos} in '${source}'.`);
	}
	tokens.push({ type: 'eof', value: null, pos });
	return tokens;
}

/** Reads a single-quoted literal starting at `start`; '' stands for one quote. */
function readQuoted(source, start) {
	let value = '';
	let pos = start + 1;
	for (;;) {
		if (pos >= source.length) throw invalidQuery(`Unterminated string literal at position ${start} in '${source}'.`);
		const ch = source[pos];
		if (ch === "'") {
			if (source[pos + 1] === "'") {
				value += "'";
				pos += 2;
				continue;
			}
			return { value, end: pos + 1 };
		}
		value += ch;
		pos++;
	}
}

/** Turns a literal token value into plain JSON-able data (dates stay ISO text). */
function plainValue(value) {
	return value instanceof DateLiteral ? value.text : value;
}

module.exports = { tokenize, DateLiteral, plainValue };
