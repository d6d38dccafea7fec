// The progress lines of a first `npm start`: one line saying what runs and how long it usually
// takes, a line every interval with the time so far, and the time it took.
const { withProgress, formatElapsed } = require('../../scripts/n8n/progress') as {
	withProgress: <T>(tag: string, what: string, work: () => Promise<T>, options: object) => Promise<T>;
	formatElapsed: (ms: number) => string;
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a long step prints what it does, its usual time, the elapsed time every interval, and when it is done', async () => {
	const lines: string[] = [];
	const clock = { now: 0 };
	let finish!: (value: string) => void;
	const step = withProgress('install', 'Compiling sqlite3 for Node 24', () => new Promise<string>((resolve) => (finish = resolve)), {
		usually: '2–4 min on 2 cores',
		everyMs: 30_000,
		print: (line: string) => lines.push(line),
		now: () => clock.now,
	});
	for (let i = 0; i < 5; i++) {
		clock.now += 30_000;
		jest.advanceTimersByTime(30_000);
	}
	clock.now += 4_000;
	finish('built');
	await expect(step).resolves.toBe('built');
	jest.advanceTimersByTime(60_000); // no more lines once done
	expect(lines).toEqual([
		'[install] Compiling sqlite3 for Node 24 (usually 2–4 min on 2 cores) …',
		'[install]   … still compiling sqlite3 for Node 24, 30 s',
		'[install]   … still compiling sqlite3 for Node 24, 1 min 00 s',
		'[install]   … still compiling sqlite3 for Node 24, 1 min 30 s',
		'[install]   … still compiling sqlite3 for Node 24, 2 min 00 s',
		'[install]   … still compiling sqlite3 for Node 24, 2 min 30 s',
		'[install] Compiling sqlite3 for Node 24: done in 2 min 34 s',
	]);
});

test('a failing step stops printing and passes its error on', async () => {
	const lines: string[] = [];
	const step = withProgress('start', 'Starting n8n', () => Promise.reject(new Error('port taken')), { print: (line: string) => lines.push(line), everyMs: 1_000 });
	await expect(step).rejects.toThrow('port taken');
	jest.advanceTimersByTime(10_000);
	expect(lines).toEqual(['[start] Starting n8n …']);
});

test.each([
	[900, '1 s'],
	[59_400, '59 s'],
	[61_000, '1 min 01 s'],
	[14 * 60_000, '14 min 00 s'],
])('%i ms reads "%s"', (ms, text) => {
	expect(formatElapsed(ms)).toBe(text);
});
