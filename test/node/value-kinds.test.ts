import nock from 'nock';
import { InvalidValueError, toApiValue } from '../../nodes/ThreeCx/helpers/values';
import type { Endpoint, FieldKind } from '../../nodes/ThreeCx/odata/endpoint';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { runThreeCx } from '../helpers/workflow';

beforeEach(resetPbx);
afterAll(() => nock.restore());

// What a table from a newer generator, or a hand-edited one, could hold: not a FieldKind.
const UNKNOWN = 'x' as FieldKind;

describe('a value kind the node does not know is an error, not text', () => {
	test('toApiValue refuses it, naming the field', () => {
		expect(() => toApiValue('Number', UNKNOWN, '100')).toThrow(InvalidValueError);
		expect(() => toApiValue('Number', UNKNOWN, '100')).toThrow('Number has a value kind this node does not know: "x"');
	});

	test('the node fails the item with its own error and sends nothing', async () => {
		const table = endpoints as Record<string, Endpoint>;
		const createUser = table.createUser;
		const body = createUser.body!;
		table.createUser = { ...createUser, body: { ...body, fields: { ...body.fields, number: ['Number', UNKNOWN] } } };
		try {
			const pbx = fakePbx();
			const { error } = await runThreeCx({ resource: 'users', operation: 'createUser', userFields: { number: '100' } });
			// The description is buildRequest's, so the error went the way of every invalid value: a NodeApiError.
			expect(error?.message).toBe('Number has a value kind this node does not know: "x"');
			expect(error?.description).toMatch(/^Nothing was sent to 3CX\. The node’s endpoint table does not match its code/);
			expect(pbx.seen).toEqual([]);
		} finally {
			table.createUser = createUser;
		}
	});
});
