'use strict';
// Runs the BUILT 3CX node (dist/) on n8n-core's WorkflowExecute in this process,
// the way an n8n instance runs a manual execution: Input → 3CX, with a
// credential store that runs the credential's preAuthentication and
// authenticate (a function, or generic expressions) like n8n's CredentialsHelper.
// For figures that need a fresh process per measurement (peak RSS), where a
// whole n8n server would blur them.
const path = require('path');
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, NodeConnectionTypes, Workflow } = require('n8n-workflow');
const { projectRoot } = require('./common');
const { PAGE_SIZE } = require('./workload');

const { ThreeCx } = require(path.join(projectRoot, 'dist', 'nodes', 'ThreeCx', 'ThreeCx.node.js'));
const { ThreeCxApi } = require(path.join(projectRoot, 'dist', 'credentials', 'ThreeCxApi.credentials.js'));

/** A bench node's description: just what the engine reads. */
function benchDescription(name, summary, more) {
	return {
		displayName: `Bench ${name}`,
		name: `bench${name.replace(/ /g, '')}`,
		group: ['transform'],
		version: 1,
		description: summary,
		defaults: { name },
		outputs: [NodeConnectionTypes.Main],
		...more,
	};
}

/** Emits the items given as its `items` parameter, as a trigger would. */
class BenchInput {
	description = benchDescription('Input', 'Emits fixed items', {
		inputs: [],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	});

	async execute() {
		return [JSON.parse(this.getNodeParameter('items', 0)).map((json) => ({ json }))];
	}
}

/**
 * The floor under any node that pages through n8n's request helper: the same CallHistoryView
 * $top/$skip pages and credential, JSON.parse, one item per row, and no 3CX code at all.
 */
class BenchHelperPaging {
	description = benchDescription('Helper Paging', 'Pages CallHistoryView with httpRequestWithAuthentication only', {
		inputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'threeCxApi', required: true }],
		properties: [],
	});

	async execute() {
		const { url } = await this.getCredentials('threeCxApi');
		const items = [];
		for (let skip = 0; ; skip += PAGE_SIZE) {
			const response = await this.helpers.httpRequestWithAuthentication.call(this, 'threeCxApi', {
				method: 'GET',
				url: `${url}/xapi/v1/CallHistoryView`,
				qs: { $top: PAGE_SIZE, $skip: skip },
				returnFullResponse: true,
				encoding: 'arraybuffer',
				json: false,
			});
			const { value } = JSON.parse(Buffer.from(response.body).toString('utf8'));
			for (const json of value) items.push({ json });
			if (value.length < PAGE_SIZE) return [items];
		}
	}
}

const NODE_TYPES = { threeCx: 'n8n-nodes-3cx.threeCx', helperPaging: 'bench.helperPaging' };

const nodeTypes = {
	types: { 'bench.input': new BenchInput(), [NODE_TYPES.threeCx]: new ThreeCx(), [NODE_TYPES.helperPaging]: new BenchHelperPaging() },
	getByName(name) {
		return this.types[name];
	},
	getByNameAndVersion(name) {
		return this.types[name];
	},
	getKnownTypes: () => ({}),
};

/** One stored ThreeCxApi credential; the refreshed token is kept, as n8n persists it. */
class BenchCredentials extends ICredentialsHelper {
	constructor(data) {
		super();
		this.type = new ThreeCxApi();
		this.data = { accessToken: '', ...data };
	}

	getParentTypes = () => [];
	isCredentialUsableByNode = () => true;
	getCredentialsProperties = () => this.type.properties;
	updateCredentials = async () => {};
	updateCredentialsOauthTokenData = async () => {};
	getDecrypted = async () => ({ ...this.data });

	async preAuthentication(helpers, credentials, _typeName, _node, expired) {
		if (credentials.accessToken !== '' && !expired) return undefined;
		Object.assign(credentials, await this.type.preAuthentication.call(helpers, credentials));
		this.data.accessToken = credentials.accessToken;
		return credentials;
	}

	async authenticate(credentials, _typeName, requestOptions, workflow, node) {
		if (typeof this.type.authenticate === 'function') return await this.type.authenticate(credentials, requestOptions);
		for (const [target, entries] of Object.entries(this.type.authenticate.properties)) {
			requestOptions[target] ??= {};
			for (const [key, value] of Object.entries(entries)) {
				requestOptions[target][key] = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			}
		}
		return requestOptions;
	}
}

const BASE_URL = 'http://127.0.0.1';

function additionalDataFor(credentialsHelper, hooks) {
	const urls = ['form', 'formWaiting', 'formTest', 'webhook', 'webhookWaiting', 'webhookTest', 'mcp', 'mcpTest'];
	const notUsed = async () => {
		throw new Error('not used by the bench');
	};
	return {
		credentialsHelper,
		hooks,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		...Object.fromEntries(urls.map((name) => [`${name}BaseUrl`, `${BASE_URL}/${name}`])),
		currentNodeExecutionIndex: 0,
		variables: {},
		executeWorkflow: notUsed,
		startRunnerTask: notUsed,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: async () => {},
	};
}

/**
 * Runs Input(items) → 3CX(parameters), or the helper-paging floor node with
 * `node: 'helperPaging'`. Returns that node's output items, its executionTime
 * as n8n records it, and the run's error if any.
 */
async function runThreeCx(parameters, { items = [{}], credentials, node = 'threeCx' }) {
	const workflow = new Workflow({
		id: 'bench',
		name: 'bench',
		active: false,
		nodeTypes,
		nodes: [
			{ id: '1', name: 'Input', type: 'bench.input', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } },
			{ id: '2', name: '3CX', type: NODE_TYPES[node], typeVersion: 1, position: [200, 0], parameters, credentials: { threeCxApi: { id: '1', name: '3CX' } } },
		],
		connections: { Input: { main: [[{ node: '3CX', type: NodeConnectionTypes.Main, index: 0 }]] } },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', workflow);
	const additionalData = additionalDataFor(credentials, hooks);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: workflow.getNode('Input') });
	const nodeRun = run.data.resultData.runData['3CX']?.[0];
	return {
		items: nodeRun?.data?.main?.[0] ?? [],
		executionTime: nodeRun?.executionTime,
		error: run.data.resultData.error ?? nodeRun?.error,
	};
}

module.exports = { runThreeCx, BenchCredentials };
