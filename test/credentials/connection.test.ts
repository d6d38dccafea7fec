// The credential as n8n uses it: Ignore SSL Issues against a real self-signed HTTPS server, one
// token for executions running at the same time, and the credential test n8n runs when a user
// saves the credential (n8n 2.41's CredentialsTester routes the test request through a
// RoutingNode of a stand-in node type; this does the same).
import nock from 'nock';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	createEmptyRunExecutionData,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { resetPbx } from '../helpers/pbx';
import { startSelfSignedServer, type SelfSignedServer } from '../helpers/selfSignedServer';
import { PBX, SECRET, credentialsHelperFor, runThreeCx, testAdditionalData } from '../helpers/workflow';

afterAll(() => nock.restore());

/** n8n's credential test: the credential type's test request, sent with the credential's auth. */
async function runCredentialTest(data: ICredentialDataDecryptedObject) {
	const credentials = { url: PBX, clientId: 'n8n', apiKey: SECRET, ignoreSslIssues: false, accessToken: '', ...data };
	const testRequest = new ThreeCxApi().test.request;
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'threeCxApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest } }],
		},
	} as INodeType;
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const node: INode = { id: 'temp', name: 'Temp-Node', type: 'temp', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { threeCxApi: { id: '1', name: '3CX' } } };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData: IWorkflowExecuteAdditionalData = testAdditionalData(credentialsHelperFor(credentials));
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createEmptyRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	const decrypted = { id: '1', name: '3CX', type: 'threeCxApi', data: credentials };
	return await new RoutingNode(context, nodeType, decrypted).runNode();
}

describe('credential test (what n8n runs when the credential is saved)', () => {
	beforeEach(resetPbx);

	test('reads Defs?$select=Id with a freshly minted token; a trailing slash in the URL is fine', async () => {
		const seen: Array<{ path: string; authorization: string }> = [];
		nock(PBX).post('/connect/token').reply(200, { access_token: 'token-ct' });
		nock(PBX)
			.get('/xapi/v1/Defs')
			.query({ $select: 'Id' })
			.reply(function (uri) {
				seen.push({ path: uri, authorization: String(this.req.headers.authorization) });
				return [200, { Id: 1 }];
			});

		await runCredentialTest({ url: `${PBX}/` });

		expect(seen).toEqual([{ path: '/xapi/v1/Defs?%24select=Id', authorization: 'Bearer token-ct' }]);
	});

	test('a wrong API key fails with the credential message, not the key', async () => {
		nock(PBX).post('/connect/token').reply(400, { error: 'invalid_client' });

		const failure = await runCredentialTest({ apiKey: 'wrong-key-never-shown' }).catch((error: Error & { description?: string }) => error);

		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toMatch(/rejected the credential/);
		expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).not.toContain('wrong-key-never-shown');
	});
});

describe('executions at the same time', () => {
	beforeEach(resetPbx);

	test('two executions started together, each with no stored token, mint one token', async () => {
		let mints = 0;
		nock(PBX)
			.post('/connect/token')
			.times(5)
			.delay(50)
			.reply(() => [200, { access_token: `token-${++mints}` }]);
		const authorizations: string[] = [];
		nock(PBX)
			.get(/^\/xapi\/v1\/Users\(\d+\)$/)
			.times(20)
			.reply(function () {
				authorizations.push(String(this.req.headers.authorization));
				return [200, { Id: 1 }];
			});
		const items = Array.from({ length: 5 }, (_, id) => ({ id: id + 1 }));
		const parameters = { resource: 'users', operation: 'getUser', userId: '={{ $json.id }}' };

		const runs = await Promise.all([
			runThreeCx(parameters, { items, credentialsHelper: credentialsHelperFor() }),
			runThreeCx(parameters, { items, credentialsHelper: credentialsHelperFor() }),
		]);

		expect(runs.map((run) => [run.error, run.items.length])).toEqual([
			[undefined, 5],
			[undefined, 5],
		]);
		expect(mints).toBe(1);
		expect(new Set(authorizations)).toEqual(new Set(['Bearer token-1']));
	});
});

describe('Ignore SSL Issues, against a PBX with a self-signed certificate', () => {
	const seen: string[] = [];
	let server: SelfSignedServer;
	let url: string;

	beforeAll(async () => {
		server = await startSelfSignedServer((req, res) => {
			seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`.trim());
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(req.url === '/connect/token' ? { access_token: 'tls-token', expires_in: 3600 } : { Id: 1 }));
		});
		// With a trailing slash, as users paste it.
		url = `${server.url}/`;
	});

	afterAll(async () => {
		await server.close();
	});

	beforeEach(() => {
		forgetTokens();
		nock.cleanAll();
		nock.enableNetConnect('127.0.0.1');
		seen.length = 0;
	});

	test('off: the certificate is refused, the error says which setting allows it, nothing reaches the PBX', async () => {
		const { error } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 }, { credentials: { url } });

		expect(`${error?.message} ${error?.description}`).toMatch(/certificate/i);
		expect(`${error?.message} ${error?.description}`).toMatch(/Ignore SSL Issues/);
		expect(seen).toEqual([]);
	});

	test('on: the token and the XAPI request both go through the self-signed connection', async () => {
		const { items, error } = await runThreeCx({ resource: 'users', operation: 'getUser', userId: 1 }, { credentials: { url, ignoreSslIssues: true } });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ Id: 1 }]);
		expect(seen).toEqual(['POST /connect/token', 'GET /xapi/v1/Users(1) Bearer tls-token']);
	});

	test('on: the credential test passes too', async () => {
		await runCredentialTest({ url, ignoreSslIssues: true });

		expect(seen).toEqual(['POST /connect/token', 'GET /xapi/v1/Defs?%24select=Id Bearer tls-token']);
	});
});
