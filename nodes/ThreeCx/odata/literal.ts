/**
 * OData literals for keys and function parameters in the path: strings single-quoted with embedded
 * quotes doubled, then percent-encoded; numbers, booleans, GUIDs and DateTimeOffset unquoted.
 */
import type { FieldKind } from './endpoint';

/** encodeURIComponent leaves !'()* alone; inside an OData path they are syntax, so encode them too. */
export function encodePathText(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function stringLiteral(value: string): string {
	return `'${encodePathText(value.replace(/'/g, "''"))}'`;
}

export type LiteralValue = string | number | boolean | null;

/** Values arrive already validated (helpers/values.ts). */
export function odataLiteral(kind: FieldKind, value: LiteralValue): string {
	if (value === null) return 'null';
	switch (kind) {
		case 'i':
		case 'n':
		case 'p':
		case 'b':
			return String(value);
		case 'u':
			return encodePathText(String(value));
		case 'd':
			// ':' is allowed in a path segment; '+' of an offset is not safe unencoded.
			return encodePathText(String(value)).replace(/%3A/g, ':');
		default:
			return stringLiteral(String(value));
	}
}

/** Fills `{Name}` placeholders of an endpoint path with literals. */
export function fillPath(template: string, literals: Record<string, string>): string {
	return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
		if (!(name in literals)) throw new Error(`No value for path parameter ${name}`);
		return literals[name];
	});
}

/** A string literal inside a query option ($filter): quotes doubled; the query string encoder does the rest. */
export function queryStringLiteral(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** A value compared in $filter: text quoted, numbers and booleans as they are. */
export function queryLiteral(kind: FieldKind, value: LiteralValue): string {
	if (value === null) return 'null';
	return ['i', 'n', 'p', 'b'].includes(kind) ? String(value) : queryStringLiteral(String(value));
}
