import type { LocatorSet } from '../odata/endpoint';
import { describeValue, InvalidValueError } from './values';

/** Which entity a locator parameter names: by its Id (From List, By ID) or by its number. */
export type LocatorKey = { mode: 'id'; id: number } | { mode: 'number'; number: string };

const MAX_ID = 2147483647;

function isLocatorObject(raw: unknown): raw is { mode?: unknown; value?: unknown } {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw;
}

function text(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' ? value.trim() : '';
}

function toId(locator: LocatorSet, value: unknown): number {
	const digits = text(value);
	const id = /^\d+$/.test(digits) ? Number(digits) : NaN;
	if (!Number.isSafeInteger(id) || id > MAX_ID) {
		throw new InvalidValueError(`${locator.label} ID`, `must be a whole number, like 12, not ${describeValue(value)}`);
	}
	return id;
}

function toNumber(locator: LocatorSet, value: unknown): string {
	if (!locator.number) {
		throw new InvalidValueError(locator.label, 'cannot be given By Number: 3CX has no number key for it; choose From List or By ID');
	}
	const number = text(value);
	if (!new RegExp(`^(?:${locator.number.pattern})$`).test(number)) {
		throw new InvalidValueError(`${locator.label} number`, `must look like ${locator.number.example}, not ${describeValue(value)}`);
	}
	return number;
}

/**
 * Reads a locator parameter as n8n hands it over — `{__rl, mode, value}` from the editor, or a plain
 * Id from workflows made before the parameter was a locator and from AI tools ($fromAI) — and
 * checks its format, naming the field when it is wrong.
 */
export function locatorKey(locator: LocatorSet, raw: unknown): LocatorKey {
	const { mode, value } = isLocatorObject(raw) ? { mode: raw.mode ?? 'id', value: raw.value } : { mode: 'id', value: raw };
	if (text(value) === '') {
		throw new InvalidValueError(locator.label, 'is required: choose one From List or give its ID');
	}
	switch (mode) {
		case 'list':
		case 'id':
			return { mode: 'id', id: toId(locator, value) };
		case 'number':
			return { mode: 'number', number: toNumber(locator, value) };
		default:
			throw new InvalidValueError(locator.label, `has an unknown mode ${describeValue(mode)}: use From List, By ID or By Number`);
	}
}
