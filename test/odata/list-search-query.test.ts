import { locators } from '../../nodes/ThreeCx/generated';
import { locatorKey } from '../../nodes/ThreeCx/helpers/locator';
import { listEntryName, searchFilter } from '../../nodes/ThreeCx/methods/listQuery';
import { queryStringLiteral } from '../../nodes/ThreeCx/odata/literal';

describe('the $filter of a list search', () => {
	test('nothing typed, no filter', () => {
		expect(searchFilter(['Number', 'Name'], undefined)).toBeUndefined();
		expect(searchFilter(['Number', 'Name'], '  \t ')).toBeUndefined();
	});

	test('every word in one of the fields, lower-cased on both sides', () => {
		expect(searchFilter(['Number', 'Name'], ' Ann  SMITH ')).toBe(
			"(contains(tolower(Number),'ann') or contains(tolower(Name),'ann')) and (contains(tolower(Number),'smith') or contains(tolower(Name),'smith'))",
		);
	});

	test('quotes are doubled inside the literal, member paths stay paths', () => {
		expect(searchFilter(['Gateway/Name'], "o'hara")).toBe("(contains(tolower(Gateway/Name),'o''hara'))");
		expect(queryStringLiteral("''")).toBe("''''''");
	});

	test('at most eight words', () => {
		const filter = searchFilter(['Name'], 'a b c d e f g h i j')!;
		expect(filter.split(' and ')).toHaveLength(8);
		expect(filter).not.toContain("'i'");
	});
});

describe('list entry names', () => {
	test('field groups joined by a dash, empty groups left out, the Id when nothing else', () => {
		expect(listEntryName(locators.users, { Id: 1, Number: '100', FirstName: 'Alice', LastName: 'Smith' })).toBe('100 — Alice Smith');
		expect(listEntryName(locators.users, { Id: 1, Number: '100', FirstName: '', LastName: null })).toBe('100');
		expect(listEntryName(locators.trunks, { Id: 5, Number: '10000', Gateway: { Name: 'Provider' } })).toBe('10000 — Provider');
		expect(listEntryName(locators.trunks, { Id: 5, Number: '10000', Gateway: null })).toBe('10000');
		expect(listEntryName(locators.contacts, { Id: 9, FirstName: '', LastName: '', CompanyName: 'Acme', PhoneNumber: '+49301' })).toBe('Acme — +49301');
		expect(listEntryName(locators.contacts, { Id: 9 })).toBe('Contact 9');
	});
});

describe('reading a locator value', () => {
	test.each([
		[{ __rl: true, mode: 'list', value: '12' }, { mode: 'id', id: 12 }],
		[{ __rl: true, mode: 'id', value: ' 12 ' }, { mode: 'id', id: 12 }],
		[{ __rl: true, mode: 'id', value: 12 }, { mode: 'id', id: 12 }],
		[{ __rl: true, mode: 'number', value: '100' }, { mode: 'number', number: '100' }],
		[12, { mode: 'id', id: 12 }],
		['12', { mode: 'id', id: 12 }],
		[{ value: '3' }, { mode: 'id', id: 3 }],
	])('%j → %j', (raw, key) => {
		expect(locatorKey(locators.users, raw)).toEqual(key);
	});

	test.each([
		[{ __rl: true, mode: 'id', value: '-1' }, 'User ID must be a whole number, like 12, not "-1"'],
		[{ __rl: true, mode: 'id', value: '2147483648' }, 'User ID must be a whole number, like 12, not "2147483648"'],
		[{ __rl: true, mode: 'id', value: { a: 1 } }, 'User is required: choose one From List or give its ID'],
		[null, 'User is required: choose one From List or give its ID'],
		[{ __rl: true, mode: 'number', value: "10'0" }, 'User number must look like 100, not "10\'0"'],
	])('%j is refused: %s', (raw, message) => {
		expect(() => locatorKey(locators.users, raw)).toThrow(message);
	});

	test('parking numbers have their own format', () => {
		expect(locatorKey(locators.parkings, { __rl: true, mode: 'number', value: 'SP3' })).toEqual({ mode: 'number', number: 'SP3' });
		expect(() => locatorKey(locators.parkings, { __rl: true, mode: 'number', value: '3' })).toThrow('Parking number must look like SP0, not "3"');
	});
});
