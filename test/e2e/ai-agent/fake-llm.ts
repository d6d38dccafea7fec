import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import { listenLocally } from './local-server';

// A scripted stand-in for OpenAI's chat-completions endpoint (POST {base}/chat/completions), the
// API n8n's OpenAI Chat Model calls when its "Use Responses API" switch is off. Each request is
// answered by the next turn of the script; a request beyond the script is a test failure, so the
// server can never loop with an agent.

/** An OpenAI chat message as LangChain sends it. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

/** A function tool as offered in the request's `tools` array. */
export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	path: string;
	authorization: string | undefined;
	body: { model: string; messages: ChatMessage[]; tools?: OfferedTool[]; stream?: boolean; [key: string]: unknown };
}

/** What the fake model "decides": call one tool, or answer. */
export type ChatReply = { toolCall: { name: string; arguments: Record<string, unknown> } } | { content: string };

export type ChatTurn = (request: ChatRequest) => ChatReply;

export interface FakeLlm {
	/** Base URL as the openAiApi credential wants it, e.g. http://127.0.0.1:PORT/v1 */
	baseUrl: string;
	/** Every request received, in order, including the ones that failed. */
	requests: ChatRequest[];
	/** Errors a turn threw (also answered as HTTP 500), so a test can show why the agent failed. */
	errors: string[];
	stop(): Promise<void>;
}

const MODEL = 'fake-gpt';
const MAX_BODY_BYTES = 5_000_000;

function completion(reply: ChatReply, turn: number) {
	const message =
		'toolCall' in reply
			? {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: `call_${turn}`,
							type: 'function',
							function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) },
						},
					],
				}
			: { role: 'assistant', content: reply.content };
	return {
		id: `chatcmpl-fake-${turn}`,
		object: 'chat.completion',
		created: 1_700_000_000 + turn,
		model: MODEL,
		choices: [{ index: 0, message, logprobs: null, finish_reason: 'toolCall' in reply ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

async function readJson(request: IncomingMessage): Promise<ChatRequest['body']> {
	let size = 0;
	const chunks: Buffer[] = [];
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new Error('request body too large');
		chunks.push(chunk);
	}
	return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'];
}

function sendError(response: ServerResponse, status: number, message: string) {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify({ error: { message, type: 'fake_llm_error', code: null } }));
}

/**
 * Starts the fake on 127.0.0.1 (free port). It stops itself after `maxLifetimeMs` in case a test
 * forgets to, and answers 500 to any request beyond the script.
 */
export async function startFakeLlm(script: ChatTurn[], { maxLifetimeMs = 10 * 60_000 } = {}): Promise<FakeLlm> {
	const requests: ChatRequest[] = [];
	const errors: string[] = [];

	const server = createServer((request, response) => {
		void (async () => {
			const path = request.url ?? '';
			if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
				return sendError(response, 404, `fake LLM serves only POST /v1/chat/completions, not ${request.method} ${path}`);
			}
			const chatRequest: ChatRequest = { path, authorization: request.headers.authorization, body: await readJson(request) };
			requests.push(chatRequest);
			const turn = script[requests.length - 1];
			if (!turn) throw new Error(`unexpected request #${requests.length}: the script has ${script.length} turns`);
			// n8n streams only to a chat trigger's streaming response; a CLI run never asks.
			if (chatRequest.body.stream) throw new Error('the fake LLM does not stream (stream: true)');
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify(completion(turn(chatRequest), requests.length)));
		})().catch((error: Error) => {
			errors.push(error.message);
			if (!response.headersSent) sendError(response, 500, error.message);
			else response.destroy();
		});
	});

	const { port, stop } = await listenLocally(server, maxLifetimeMs);
	return { baseUrl: `http://127.0.0.1:${port}/v1`, requests, errors, stop };
}

/** Text of a message, whether LangChain sent a string or content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}
