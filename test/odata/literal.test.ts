import { fillPath, odataLiteral, stringLiteral } from '../../nodes/ThreeCx/odata/literal';
import { searchPhrase } from '../../nodes/ThreeCx/odata/queryOptions';

describe('OData literals', () => {
	test.each([
		['100', "'100'"],
		["O'Brien", "'O%27%27Brien'"],
		['', "''"],
		["'", "'%27%27'"],
		['a/b', "'a%2Fb'"],
		['#?%&=', "'%23%3F%25%26%3D'"],
		['(x)', "'%28x%29'"],
		['a,b', "'a%2Cb'"],
		['Ünïcödé 🙂', "'%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20%F0%9F%99%82'"],
		['*!', "'%2A%21'"],
	])('string %j → %s', (value, literal) => {
		expect(stringLiteral(value)).toBe(literal);
		expect(decodeURIComponent(literal.slice(1, -1)).replace(/''/g, "'")).toBe(value);
	});

	test('numbers, booleans and GUIDs go unquoted; date-times unquoted with their colons', () => {
		expect(odataLiteral('i', 42)).toBe('42');
		expect(odataLiteral('n', -1.5)).toBe('-1.5');
		expect(odataLiteral('b', false)).toBe('false');
		expect(odataLiteral('u', '0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
		expect(odataLiteral('d', '2024-05-01T09:30:00.000Z')).toBe('2024-05-01T09:30:00.000Z');
		expect(odataLiteral('d', '2024-05-01T09:30:00+02:00')).toBe('2024-05-01T09:30:00%2B02:00');
		expect(odataLiteral('s', null)).toBe('null');
	});

	test('fills a path template with literals, and refuses a missing one', () => {
		expect(fillPath('/Users({Id})/Pbx.Foo(bar={bar})', { Id: '5', bar: "'x'" })).toBe("/Users(5)/Pbx.Foo(bar='x')");
		expect(() => fillPath('/Users({Id})', {})).toThrow('No value for path parameter Id');
	});
});

test.each([
	['john', 'john'],
	['John Smith', '"John Smith"'],
	['"already quoted"', '"already quoted"'],
	['  padded  ', 'padded'],
	['say "hi" now', '"say \\"hi\\" now"'],
])('$search %j → %s', (input, output) => {
	expect(searchPhrase(input)).toBe(output);
});
