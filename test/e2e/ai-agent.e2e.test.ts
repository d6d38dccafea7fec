// The 3CX node as an AI Agent tool, in real n8n 2.41.1: `n8n execute` runs Manual Trigger → AI Agent
// with an OpenAI Chat Model and the packaged `n8n-nodes-3cx.threeCxTool` as sub-nodes. There is no
// LLM here: a scripted fake chat-completions server first calls the 3CX tool, then answers with
// what the tool returned. The PBX is the project's fake PBX behind a recording proxy.
import { randomBytes } from 'crypto';
import { executeWorkflow, importCredentials, importWorkflow, type WorkflowRun } from '../../scripts/n8n';
import {
	AGENT,
	FROM_AI_DESCRIPTION,
	FROM_AI_KEY,
	PROMPT,
	SELECTED_FIELDS,
	TOOL_NAME,
	TOOL_NODE,
	WORKFLOW_ID,
	agentWorkflow,
	credentialsFor,
} from './ai-agent/agent-workflow';
import { messageText, startFakeLlm, type ChatMessage, type ChatRequest, type ChatTurn, type FakeLlm } from './ai-agent/fake-llm';
import { startRecordingProxy, type RecordingProxy } from './ai-agent/recording-proxy';
import { startE2eEnvironment, type E2eEnvironment } from './support';

const EXTENSION = '4242';
/** The model tries this one first: no user has it. */
const WRONG_EXTENSION = '4249';
// Random per run: the answer can only contain it if it went PBX → tool → model → agent.
const EMAIL = `zelda.${randomBytes(6).toString('hex')}@pbx.test`;
const USER = { Number: EXTENSION, FirstName: 'Zelda', LastName: 'Quasar', EmailAddress: EMAIL };
const LLM_API_KEY = 'sk-fake-llm-key';

function offeredTool(request: ChatRequest) {
	return request.body.tools?.find((tool) => tool.function.name === TOOL_NAME);
}

function toolResults(request: ChatRequest): ChatMessage[] {
	return request.body.messages.filter((message) => message.role === 'tool');
}

function callTool(request: ChatRequest, extension: string) {
	const tool = offeredTool(request);
	if (!tool) throw new Error(`no tool named ${TOOL_NAME} offered: ${JSON.stringify(request.body.tools)}`);
	return { toolCall: { name: tool.function.name, arguments: { [FROM_AI_KEY]: extension } } };
}

// The model's script: a wrong guess first (the tool reports the error to the model instead of
// failing the workflow), then the right extension, then an answer built from the tool's result.
const script: ChatTurn[] = [
	(request) => callTool(request, WRONG_EXTENSION),
	(request) => {
		if (toolResults(request).length !== 1) throw new Error('the second request carries no tool result');
		return callTool(request, EXTENSION);
	},
	(request) => {
		const last = toolResults(request).at(-1);
		const [user] = JSON.parse(last ? messageText(last) : '[]') as Array<{ EmailAddress?: string }>;
		return { content: `The e-mail address of extension ${EXTENSION} is ${user?.EmailAddress ?? 'unknown'}.` };
	},
];

type ToolRun = { data?: Record<string, Array<Array<{ json: unknown }>>> };

describe('3CX node as a tool of an n8n AI Agent (real n8n, fake LLM, fake PBX)', () => {
	let e2e: E2eEnvironment;
	let proxy: RecordingProxy;
	let llm: FakeLlm;
	let run: WorkflowRun;

	beforeAll(async () => {
		e2e = await startE2eEnvironment();
		e2e.pbx.add('Users', USER);
		proxy = await startRecordingProxy(e2e.pbx.url);
		llm = await startFakeLlm(script);

		await importCredentials(credentialsFor({ pbxUrl: proxy.url, llmBaseUrl: llm.baseUrl, llmApiKey: LLM_API_KEY }), e2e.cli);
		await importWorkflow(agentWorkflow(), e2e.cli);
		try {
			run = await executeWorkflow(WORKFLOW_ID, e2e.cli);
		} catch (error) {
			error.message += `\nfake LLM errors: ${JSON.stringify(llm.errors)}`;
			throw error;
		}
	}, 600_000);

	afterAll(async () => {
		await Promise.all([llm?.stop(), proxy?.stop()]);
		await e2e?.stop();
	});

	it('the agent answers with data only the 3CX tool could have provided', () => {
		expect(run.status).toBe('success');
		const [answer] = run.data.resultData.runData[AGENT][0].data?.main?.[0] ?? [];
		expect(answer.json.output).toBe(`The e-mail address of extension ${EXTENSION} is ${EMAIL}.`);
	});

	it('offers the 3CX tool to the model with its description and the $fromAI parameter', () => {
		const [first] = llm.requests;
		expect(first.path).toBe('/v1/chat/completions');
		expect(first.authorization).toBe(`Bearer ${LLM_API_KEY}`);
		expect(first.body.messages.some((message) => message.role === 'user' && messageText(message) === PROMPT)).toBe(true);
		expect(offeredTool(first)).toEqual({
			type: 'function',
			function: expect.objectContaining({
				name: TOOL_NAME,
				description: 'Get user by number in 3CX',
				parameters: expect.objectContaining({
					type: 'object',
					properties: { [FROM_AI_KEY]: { type: 'string', description: FROM_AI_DESCRIPTION } },
					required: [FROM_AI_KEY],
				}),
			}),
		});
	});

	it('sends the PBX one token request and, per tool call, a GET with the $fromAI-provided number', () => {
		const lines = proxy.requests.map(({ method, url }) => `${method} ${decodeURIComponent(url)}`);
		expect(lines).toEqual([
			'POST /connect/token',
			`GET /xapi/v1/Users(Number='${WRONG_EXTENSION}')?$select=${SELECTED_FIELDS}`,
			// A 404 may mean an update before 20.0.8, which reads a number through GetByNumber instead.
			`GET /xapi/v1/Users/Pbx.GetByNumber(number='${WRONG_EXTENSION}')?$select=${SELECTED_FIELDS}`,
			`GET /xapi/v1/Users(Number='${EXTENSION}')?$select=${SELECTED_FIELDS}`,
		]);
	});

	it('runs the 3CX tool node per call: the miss as an error for the model, then the user', () => {
		const toolRuns = run.data.resultData.runData[TOOL_NODE] as unknown as ToolRun[];
		expect(toolRuns.map((toolRun) => toolRun.data?.ai_tool?.[0]?.map((item) => item.json))).toEqual([
			[{ error: expect.stringMatching(/^Not found\b/) }],
			[USER],
		]);
	});

	it('gives the model each tool result for its call, and no secret of the credential or the user', () => {
		expect(llm.errors).toEqual([]);
		expect(llm.requests).toHaveLength(3);
		const last = llm.requests[2].body.messages;
		const calls = last.filter((message) => message.role === 'assistant').map((message) => message.tool_calls?.[0]);
		expect(calls.map((call) => call?.function.name)).toEqual([TOOL_NAME, TOOL_NAME]);
		expect(calls.map((call) => JSON.parse(call?.function.arguments ?? '{}')[FROM_AI_KEY])).toEqual([WRONG_EXTENSION, EXTENSION]);
		const results = toolResults(llm.requests[2]);
		expect(results.map((result) => result.tool_call_id)).toEqual(calls.map((call) => call?.id));
		expect(messageText(results[0])).toContain('Not found');
		expect(JSON.parse(messageText(results[1]))).toEqual([USER]);
		const sentToModel = JSON.stringify(llm.requests);
		for (const secret of ['demo-secret', 'Bearer ey', 'AuthPassword', 'VMPIN']) expect(sentToModel).not.toContain(secret);
	});
});
