// The workflow a user builds in the editor to let an AI Agent look up 3CX users: Manual Trigger →
// AI Agent, with an OpenAI Chat Model and the 3CX node in tool mode (the `threeCxTool` variant n8n
// derives from `usableAsTool`) as sub-nodes. The tool's number comes from the model via $fromAI.

export const WORKFLOW_ID = 'aiAgent3cxTool01';
export const AGENT = 'AI Agent';
export const TOOL_NODE = 'Find 3CX user';
/** n8n names the tool after the node: every run of characters outside [A-Za-z0-9_-] becomes "_". */
export const TOOL_NAME = 'Find_3CX_user';
export const FROM_AI_KEY = 'extension_number';
export const FROM_AI_DESCRIPTION = 'The extension number of the 3CX user, e.g. 100';
export const PROMPT = 'What is the e-mail address of the 3CX user on extension 4242?';
/** Only what the model needs: a user record also holds SIP and voicemail PINs. */
export const SELECTED_FIELDS = 'Number,FirstName,LastName,EmailAddress';

const CREDENTIALS = {
	threeCx: { id: 'aiAgent3cxCred1', name: 'Fake PBX' },
	openAi: { id: 'aiAgentLlmCred01', name: 'Fake LLM' },
};

export interface Endpoints {
	pbxUrl: string;
	llmBaseUrl: string;
	llmApiKey: string;
}

export function credentialsFor({ pbxUrl, llmBaseUrl, llmApiKey }: Endpoints): object[] {
	return [
		{
			...CREDENTIALS.threeCx,
			type: 'threeCxApi',
			data: { url: pbxUrl, clientId: 'demo', apiKey: 'demo-secret', ignoreSslIssues: false },
		},
		{ ...CREDENTIALS.openAi, type: 'openAiApi', data: { apiKey: llmApiKey, url: llmBaseUrl, header: false } },
	];
}

function node(index: number, name: string, type: string, typeVersion: number, parameters: object, extra: object = {}) {
	return { id: `7a1e0000-0000-4000-8000-${String(index).padStart(12, '0')}`, name, type, typeVersion, position: [index * 220, 0], parameters, ...extra };
}

function connectTo(target: string, type: string) {
	return { [type]: [[{ node: target, type, index: 0 }]] };
}

export function agentWorkflow(): object {
	return {
		id: WORKFLOW_ID,
		name: '3CX tool in an AI Agent',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(1, 'Start', 'n8n-nodes-base.manualTrigger', 1, {}),
			node(2, AGENT, '@n8n/n8n-nodes-langchain.agent', 3.1, {
				promptType: 'define',
				text: PROMPT,
				options: { enableStreaming: false },
			}),
			node(
				3,
				'OpenAI Chat Model',
				'@n8n/n8n-nodes-langchain.lmChatOpenAi',
				1.3,
				{
					model: { __rl: true, mode: 'id', value: 'fake-gpt' },
					// Chat completions, the API every "OpenAI-compatible" server offers.
					responsesApiEnabled: false,
					options: { maxRetries: 0 },
				},
				{ credentials: { openAiApi: CREDENTIALS.openAi } },
			),
			node(
				4,
				TOOL_NODE,
				'n8n-nodes-3cx.threeCxTool',
				1,
				{
					descriptionType: 'auto',
					resource: 'users',
					operation: 'getUserByNumber',
					number: `={{ $fromAI('${FROM_AI_KEY}', '${FROM_AI_DESCRIPTION}', 'string') }}`,
					selectOptions: { select: SELECTED_FIELDS },
				},
				{ credentials: { threeCxApi: CREDENTIALS.threeCx } },
			),
		],
		connections: {
			Start: connectTo(AGENT, 'main'),
			'OpenAI Chat Model': connectTo(AGENT, 'ai_languageModel'),
			[TOOL_NODE]: connectTo(AGENT, 'ai_tool'),
		},
	};
}
