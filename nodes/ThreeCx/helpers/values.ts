import { enums } from '../generated';
import type { EnumKind, FieldKind } from '../odata/endpoint';
import { parseJson } from '../../shared/helpers/json';

/**
 * Says, naming the field, what is wrong with a value. buildRequest turns it into the node's error;
 * `description` replaces its advice where the user cannot correct the value.
 */
export class InvalidValueError extends Error {
	constructor(
		readonly field: string,
		problem: string,
		readonly description?: string,
	) {
		super(`${field} ${problem}`);
		this.name = 'InvalidValueError';
	}
}

const INT32 = { min: -2147483648, max: 2147483647 };
const DURATION = /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function toNumber(field: string, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new InvalidValueError(field, `must be a number, not ${describeValue(value)}`);
	}
	return number;
}

function toInteger(field: string, value: unknown): number {
	const number = toNumber(field, value);
	if (!Number.isInteger(number) || number < INT32.min || number > INT32.max) {
		throw new InvalidValueError(field, `must be a whole number (32-bit), not ${describeValue(value)}`);
	}
	return number;
}

function toBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InvalidValueError(field, `must be true or false, not ${describeValue(value)}`);
}

function toDateTime(field: string, value: unknown): string {
	const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
	if (!date || Number.isNaN(date.getTime())) {
		throw new InvalidValueError(field, `must be a date and time (e.g. 2024-05-01T09:00:00Z), not ${describeValue(value)}`);
	}
	return date.toISOString();
}

function toJson(field: string, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const parsed = parseJson(value);
	if (!parsed.ok) throw new InvalidValueError(field, `is not valid JSON: ${parsed.problem}`);
	return parsed.value;
}

/** What a parsed JSON value is, as an error message names it. */
function jsonShape(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'boolean') return 'true/false';
	return 'a number';
}

/** A JSON list or object field: valid JSON of that shape, or null (3CX's "no value"). */
function toJsonOfShape(field: string, shape: 'a' | 'o', value: unknown): unknown {
	const parsed = toJson(field, value);
	if (parsed === null) return parsed;
	const isList = Array.isArray(parsed);
	if (shape === 'a' && !isList) throw new InvalidValueError(field, `must be a JSON list (array), not ${jsonShape(parsed)}`);
	if (shape === 'o' && (isList || typeof parsed !== 'object')) throw new InvalidValueError(field, `must be a JSON object, not ${jsonShape(parsed)}`);
	return parsed;
}

const JSON_KINDS: ReadonlySet<FieldKind> = new Set(['a', 'o', 'j']);

/** A JSON field left blank was not given: callers leave it out of the request. */
export function isBlankJson(kind: FieldKind, value: unknown): boolean {
	return JSON_KINDS.has(kind) && typeof value === 'string' && value.trim() === '';
}

/**
 * 3CX's ConcealedPassword is an object `{ Value, Concealed }`; users type the password itself, or
 * the object as 3CX documents it. Only an object with a Value is taken as the object.
 */
function toConcealedPassword(field: string, value: unknown): unknown {
	const given = typeof value === 'string' && value.trim().startsWith('{') ? parsedOrText(value) : value;
	if (given !== null && typeof given === 'object' && !Array.isArray(given) && 'Value' in given) return given;
	return { Value: toText(field, value) };
}

function parsedOrText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function toEnum(field: string, enumName: string, value: unknown): string | number {
	const allowed = enums[enumName] ?? [];
	const match = allowed.find((candidate) => candidate === value || String(candidate) === String(value));
	if (match === undefined) {
		throw new InvalidValueError(field, `must be one of ${allowed.join(', ')}, not ${describeValue(value)}`);
	}
	return match;
}

function toText(field: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new InvalidValueError(field, `must be text, not ${describeValue(value)}`);
}

/** A value as an error message shows it: quoted and cut short if text. */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined) return 'empty';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return String(value);
}

const isEnumKind = (kind: FieldKind): kind is EnumKind => kind.startsWith('e:');

/**
 * Turns what a user typed (or an expression produced) into the value 3CX expects for a field of
 * the given kind (odata/endpoint.ts), or says, naming the field, what is wrong with it.
 */
export function toApiValue(field: string, kind: FieldKind, value: unknown): unknown {
	if (isEnumKind(kind)) return toEnum(field, kind.slice(2), value);
	switch (kind) {
		case 'i':
			return toInteger(field, value);
		case 'n':
			return toNumber(field, value);
		case 'p': {
			const percentage = toInteger(field, value);
			if (percentage < 0 || percentage > 100) throw new InvalidValueError(field, `must be a percentage from 0 to 100, not ${percentage}`);
			return percentage;
		}
		case 'b':
			return toBoolean(field, value);
		case 'd':
			return toDateTime(field, value);
		case 'D': {
			const text = toText(field, value).trim();
			if (!DURATION.test(text)) throw new InvalidValueError(field, `must be an ISO 8601 duration like PT1H30M or P1D, not ${describeValue(value)}`);
			return text;
		}
		case 'j':
			return toJson(field, value);
		case 'a':
		case 'o':
			// Blank means not given; should a caller still pass it, nothing is sent for it.
			return isBlankJson(kind, value) ? undefined : toJsonOfShape(field, kind, value);
		case 'c':
			return toConcealedPassword(field, value);
		case 'u': {
			const text = toText(field, value);
			if (!UUID.test(text)) throw new InvalidValueError(field, `must be a GUID like 0f8fad5b-d9cb-469f-a165-70867728950e, not ${describeValue(value)}`);
			return text;
		}
		case 's':
			return toText(field, value);
		default:
			// Sent as text, a value of a kind this code does not know would reach 3CX unchecked.
			throw unknownKind(field, kind);
	}
}

function unknownKind(field: string, kind: never): InvalidValueError {
	return new InvalidValueError(
		field,
		`has a value kind this node does not know: ${describeValue(kind)}`,
		'Nothing was sent to 3CX. The node’s endpoint table does not match its code: reinstall the package or report this to its authors.',
	);
}
