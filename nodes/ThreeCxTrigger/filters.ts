import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { queryStringLiteral } from '../ThreeCx/odata/literal';

/** Extension numbers, phone numbers with +, and the letters trunks and parking numbers use. */
const NUMBER = /^[0-9A-Za-z+*#._-]{1,40}$/;
/** Each number becomes up to four $filter terms; more would make URLs some proxies refuse. */
const MAX_NUMBERS = 25;

/** "fieldA eq 'x' or fieldB eq 'x' or …" for every field and value; undefined when there are no values. */
export function anyFieldEquals(fields: string[], values: string[]): string | undefined {
	if (values.length === 0) return undefined;
	return values.flatMap((value) => fields.map((field) => `${field} eq ${queryStringLiteral(value)}`)).join(' or ');
}

/**
 * The comma-separated numbers of a parameter, checked before anything is sent so that a typo is
 * reported against the field instead of as a 3CX query error.
 */
export function numbersParameter(context: IPollFunctions, name: string, label: string): string[] {
	const raw = context.getNodeParameter(name, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return [];
	const numbers = String(raw)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	const bad = numbers.find((entry) => !NUMBER.test(entry));
	if (bad !== undefined) {
		throw new NodeOperationError(context.getNode(), `${label}: "${bad}" is not an extension or phone number`, {
			description: 'Nothing was sent to 3CX. Enter numbers separated by commas, such as 100, 101, +4930123456.',
		});
	}
	if (numbers.length > MAX_NUMBERS) {
		throw new NodeOperationError(context.getNode(), `${label}: at most ${MAX_NUMBERS} numbers, not ${numbers.length}`, {
			description: 'Nothing was sent to 3CX. Leave the field empty and filter in the workflow (e.g. with an If node) to follow more.',
		});
	}
	return numbers;
}
