import type { FieldType, Operation } from '../../scripts/generate/model';
import { endpoint } from '../../scripts/generate/descriptions.js';

const VERSIONS = ['20.0.9', '20.0.10'];

function createUser(overrides: Partial<Operation>): Operation {
	return {
		tag: 'Users',
		operationId: 'CreateUser',
		value: 'createUser',
		name: 'Create',
		versions: VERSIONS,
		method: 'POST',
		path: '/Users',
		pathParams: [],
		queryOptions: '',
		ifMatch: false,
		response: 'object',
		reread: false,
		...overrides,
	};
}

const withField = (type: FieldType, name = 'Mystery') =>
	createUser({ body: { style: 'entity', schemaName: 'User', fields: [{ name, prop: 'mystery', type, versions: VERSIONS, older: false }] }, bodyCollection: 'userFields' });

// The runtime refuses every value of a kind it does not know (helpers/values.ts); the generator
// must not write one into the table.
describe('a value kind outside the endpoint table’s FieldKind stops the generator, naming the field', () => {
	// What a spec cannot give today: JavaScript could still hand the model one.
	const unknown = { kind: 'x' } as unknown as FieldType;

	test('a body field, with its schema', () => {
		expect(() => endpoint(withField(unknown), VERSIONS)).toThrow(
			'Users › CreateUser, body User: Mystery would have the kind "x", which the endpoint table does not declare (nodes/ThreeCx/odata/endpoint.ts)',
		);
	});

	test('a path parameter', () => {
		const op = createUser({ path: '/Users({Id})', pathParams: [{ name: 'Id', prop: 'id', type: unknown, nullable: false, versions: VERSIONS }] });
		expect(() => endpoint(op, VERSIONS)).toThrow('Users › CreateUser, path: Id would have the kind "x"');
	});

	test('an enum without a name, which the runtime could not look up', () => {
		expect(() => endpoint(withField({ kind: 'e', enumName: '', values: [] }), VERSIONS)).toThrow('Mystery would have the kind "e:"');
	});

	test('the kinds the table declares pass, a percentage found by its name', () => {
		const { body } = endpoint(withField({ kind: 'i' }, 'QualityPercentage'), VERSIONS);
		expect(body?.fields).toEqual({ mystery: ['QualityPercentage', 'p'] });
		expect(endpoint(withField({ kind: 'e', enumName: 'UserTag', values: ['A'] }), VERSIONS).body?.fields.mystery).toEqual(['Mystery', 'e:UserTag']);
	});
});
