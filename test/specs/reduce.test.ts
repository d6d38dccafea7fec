import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Runs without 3CX's specs: a made-up spec of two updates stands in for them.
const { reduceDoc, modelOf, stableJson } = require('../../scripts/specs/reduce.js') as {
	reduceDoc(doc: unknown): { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };
	modelOf(specs: Array<{ version: string; doc: unknown }>): { updates: string[] };
	stableJson(value: unknown): string;
};
const { modelDocs } = require('../../scripts/generate/load-specs.js') as { modelDocs(model: unknown): Array<{ version: string; doc: unknown }> };
const REDUCE = path.resolve(__dirname, '../../scripts/specs/reduce.js');

function spec(userFields: string[], withGreeting: boolean) {
	return {
		openapi: '3.0.4',
		info: { title: 'XAPI', version: '1.0.0' },
		paths: {
			'/Users': {
				description: 'Provides operations to manage the collection of User entities.',
				get: {
					tags: ['Users'],
					summary: 'Get entities from Users',
					operationId: 'ListUser',
					'x-ms-docs-operation-type': 'operation',
					parameters: [{ $ref: '#/components/parameters/top' }, { name: '$select', in: 'query', schema: { type: 'array', items: { enum: userFields } } }],
					responses: { '200': { $ref: '#/components/responses/Pbx.UserCollectionResponse' }, default: { $ref: '#/components/responses/error' } },
				},
			},
			...(withGreeting
				? {
						'/Users({Id})/Pbx.DownloadGreeting(fileName={fileName})': {
							get: {
								tags: ['Users'],
								operationId: 'DownloadGreeting',
								parameters: [
									{ name: 'Id', in: 'path', required: true, description: 'The unique identifier of User', schema: { type: 'integer', format: 'int32', maximum: 2147483647 }, 'x-ms-docs-key-type': 'User' },
									{ name: 'fileName', in: 'path', required: true, schema: { type: 'string', nullable: true, maxLength: 255 } },
								],
								responses: { '200': { description: 'Success', content: { 'application/json': { schema: { type: 'string' } } } } },
							},
						},
					}
				: {}),
		},
		components: {
			schemas: {
				'Pbx.User': { title: 'User', type: 'object', properties: Object.fromEntries(userFields.map((f) => [f, { type: 'string', nullable: true, description: `The ${f}` }])), example: { Id: 1 } },
				'Pbx.UserCollectionResponse': { title: 'Collection of User', type: 'object', properties: { value: { type: 'array', items: { $ref: '#/components/schemas/Pbx.User' } } } },
				'ODataErrors.ODataError': { type: 'object', properties: { error: { type: 'object' } } },
			},
			responses: {
				'Pbx.UserCollectionResponse': { description: 'Retrieved collection', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pbx.UserCollectionResponse' } } } },
				error: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ODataErrors.ODataError' } } } },
			},
			parameters: { top: { name: '$top', in: 'query', description: 'Show only the first n items', schema: { type: 'integer', minimum: 0 }, example: 50 } },
			examples: { 'Pbx.User': { value: { Id: 0 } } },
		},
	};
}

const older = spec(['Id', 'Number', 'MailServer'], true);
const newer = spec(['Id', 'Number', 'NotifyCodes'], false);

test('keeps what the generator reads, drops the rest and the components only error answers reach', () => {
	const reduced = reduceDoc(older);
	expect(reduced.paths['/Users'].get).toEqual({
		tags: ['Users'],
		operationId: 'ListUser',
		parameters: [{ $ref: '#/components/parameters/top' }, { name: '$select', in: 'query' }],
		responses: { '200': { $ref: '#/components/responses/Pbx.UserCollectionResponse' } },
	});
	expect(reduced.paths['/Users({Id})/Pbx.DownloadGreeting(fileName={fileName})'].get).toMatchObject({
		parameters: [
			{ name: 'Id', in: 'path', description: 'The unique identifier of User', schema: { type: 'integer', format: 'int32' }, 'x-ms-docs-key-type': 'User' },
			{ name: 'fileName', in: 'path', schema: { type: 'string', nullable: true } },
		],
	});
	expect(reduced.components.schemas['Pbx.User']).toEqual({ title: 'User', type: 'object', properties: { Id: { type: 'string', nullable: true }, Number: { type: 'string', nullable: true }, MailServer: { type: 'string', nullable: true } } });
	expect(Object.keys(reduced.components.schemas).sort()).toEqual(['Pbx.User', 'Pbx.UserCollectionResponse']);
	expect(Object.keys(reduced.components.responses)).toEqual(['Pbx.UserCollectionResponse']);
	expect(reduced.components.parameters).toEqual({ top: { name: '$top', in: 'query' } });
});

test('stores what two updates share once, and gives each update back its own reduced spec', () => {
	const model = modelOf([
		{ version: '20.0.10', doc: reduceDoc(newer) },
		{ version: '20.0.9', doc: reduceDoc(older) },
	]);
	expect(model.updates).toEqual(['20.0.9', '20.0.10']);
	const text = stableJson(model);
	expect(text.match(/"Number": /g)).toHaveLength(1);
	expect(text).toContain('"updates": ["20.0.9"]');
	expect(modelDocs(JSON.parse(text))).toEqual([
		{ version: '20.0.9', doc: reduceDoc(older) },
		{ version: '20.0.10', doc: reduceDoc(newer) },
	]);
});

test('writes keys in code-point order, integer-like ones included', () => {
	expect(stableJson({ b: 1, '9': 2, '10': 3, B: 4 })).toBe('{"10": 3, "9": 2, "B": 4, "b": 1}');
});

test('npm run specs -- --add merges a PBX’s swagger, its update named by --version, as 3CX’s says 1.0.0', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xapi-model-'));
	try {
		const model = path.join(dir, 'model.json');
		const swagger = path.join(dir, 'swagger.json');
		fs.writeFileSync(model, `${stableJson(modelOf([{ version: '20.0.9', doc: reduceDoc(older) }]))}\n`);
		fs.writeFileSync(swagger, JSON.stringify(newer));
		const run = (...args: string[]) => execFileSync(process.execPath, [REDUCE, '--model', model, '--add', swagger, ...args], { encoding: 'utf8', stdio: 'pipe' });
		expect(() => run()).toThrow(/info\.version 1\.0\.0 is not a 3CX update.*--version/);
		run('--version', '20.0.10');
		expect(JSON.parse(fs.readFileSync(model, 'utf8')).updates).toEqual(['20.0.9', '20.0.10']);
		expect(fs.readFileSync(model, 'utf8')).toBe(`${stableJson(modelOf([{ version: '20.0.9', doc: reduceDoc(older) }, { version: '20.0.10', doc: reduceDoc(newer) }]))}\n`);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
