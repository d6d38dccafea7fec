import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

/**
 * n8n's own logger as an instance started with N8N_LOG_LEVEL=debug N8N_LOG_FORMAT=json runs it:
 * the engine logs through LoggerProxy, which this makes point at the real Logger (winston, console
 * transport). Without it LoggerProxy logs nothing, and a test looking for secrets in logs sees none.
 */
function startN8nLogger(): Logger {
	const saved = { level: process.env.N8N_LOG_LEVEL, format: process.env.N8N_LOG_FORMAT, output: process.env.N8N_LOG_OUTPUT };
	Object.assign(process.env, { N8N_LOG_LEVEL: 'debug', N8N_LOG_FORMAT: 'json', N8N_LOG_OUTPUT: 'console' });
	try {
		return Container.get(Logger);
	} finally {
		for (const [name, value] of [['N8N_LOG_LEVEL', saved.level], ['N8N_LOG_FORMAT', saved.format], ['N8N_LOG_OUTPUT', saved.output]] as const) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

type Write = typeof process.stdout.write;
type Stream = { write: Write };

/** Where a log line can end up: the process streams, the console's own streams, console methods. */
function sinks(): Stream[] {
	const consoleStreams = console as unknown as { _stdout?: Stream; _stderr?: Stream };
	return [...new Set([process.stdout, process.stderr, consoleStreams._stdout, consoleStreams._stderr].filter((s): s is Stream => !!s))];
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface LogCapture {
	lines: string[];
	stop(): void;
}

/** Everything written while capturing, line by line; nothing reaches the terminal. */
export function captureN8nLogs(): LogCapture {
	const { level } = startN8nLogger().getInternalLogger();
	if (level !== 'debug') throw new Error(`n8n's logger runs at ${level}, not debug`);
	const chunks: string[] = [];
	const restore: Array<() => void> = [];
	for (const stream of sinks()) {
		const original = stream.write;
		stream.write = ((chunk: unknown) => {
			chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
			return true;
		}) as Write;
		restore.push(() => (stream.write = original));
	}
	for (const method of CONSOLE_METHODS) {
		const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void chunks.push(args.map(String).join(' ')));
		restore.push(() => spy.mockRestore());
	}
	const capture: LogCapture = {
		lines: [],
		stop() {
			restore.reverse().forEach((undo) => undo());
			capture.lines = chunks.join('\n').split('\n').filter((line) => line.trim() !== '');
		},
	};
	return capture;
}

/** A log line the engine writes for every failed node run: proves the capture sees n8n's debug logs. */
export function sawEngineDebugLine(lines: string[], text: string): boolean {
	return lines.some((line) => {
		try {
			const entry = JSON.parse(line) as { level?: string; message?: string };
			return entry.level === 'debug' && entry.message?.includes(text) === true;
		} catch {
			return false;
		}
	});
}
