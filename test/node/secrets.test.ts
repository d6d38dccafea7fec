import { inspect } from 'util';
import nock from 'nock';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { PBX, SECRET, runThreeCx, type RunResult } from '../helpers/workflow';
import { fakePbx, resetPbx } from '../helpers/pbx';
import { captureN8nLogs, sawEngineDebugLine } from '../helpers/n8nLogs';
import { startSelfSignedServer } from '../helpers/selfSignedServer';

const MAIL_PASSWORD = 'mail-pass-S3CRET';
const TOKEN = 'tok-SECRET-7f3a';
const SECRETS = [SECRET, MAIL_PASSWORD, TOKEN];

beforeEach(resetPbx);
afterAll(() => nock.restore());

const ALREADY_IN_USE = { error: { code: '', message: 'MailPassword:\nWARNINGS.XAPI.INVALID', details: [{ code: '', message: 'WARNINGS.XAPI.INVALID', target: 'MailPassword' }] } };
const settingsPatch = () => fakePbx({ token: TOKEN }).scope.patch('/xapi/v1/NotificationSettings');
const networkError = (code: string, text: string) => Object.assign(new Error(text), { code });

/** A PBX behind a self-signed certificate (the common 3CX setup): a real TLS failure, not a simulated one. */
async function selfSignedPbx() {
	const server = await startSelfSignedServer((_request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ access_token: TOKEN }));
	});
	nock.enableNetConnect('127.0.0.1');
	return server;
}

interface ErrorPath {
	/** Sets up the failure; may point the credential elsewhere, add fields, and hand back a cleanup. */
	arrange: () => Promise<{ credentials?: ICredentialDataDecryptedObject; cleanup?: () => void; fields?: Record<string, unknown> } | void>;
}

const tlsPath = (credentials: ICredentialDataDecryptedObject): ErrorPath['arrange'] => async () => {
	const { url, close } = await selfSignedPbx();
	return { credentials: { url, ...credentials }, cleanup: close };
};

const paths: Record<string, ErrorPath['arrange']> = {
	'token endpoint HTTP 500': async () => void nock(PBX).post('/connect/token').reply(500, { error: 'boom' }),
	'token endpoint echoes the form in a 400': async () => void nock(PBX).post('/connect/token').reply(400, `invalid_client client_secret=${SECRET}`),
	'token endpoint unreachable': async () => void nock(PBX).post('/connect/token').replyWithError(networkError('ECONNRESET', 'socket hang up')),
	'token endpoint answers bad JSON': async () => void nock(PBX).post('/connect/token').reply(200, '{bad', { 'Content-Type': 'application/json' }),
	'4xx naming the Mail Password field': async () => void settingsPatch().reply(400, ALREADY_IN_USE),
	'401 that survives the re-mint': async () => {
		nock(PBX).post('/connect/token').times(3).reply(200, { access_token: TOKEN });
		nock(PBX).patch('/xapi/v1/NotificationSettings').times(3).reply(401, '');
	},
	'5xx with an XAPI body': async () => void settingsPatch().reply(500, { error: { message: 'boom' } }),
	'502 with an HTML page': async () => void settingsPatch().reply(502, '<html>bad gateway</html>', { 'Content-Type': 'text/html' }),
	'network error': async () => void settingsPatch().replyWithError(networkError('ECONNRESET', 'socket hang up')),
	'TLS error reported by the HTTP client': async () => void settingsPatch().replyWithError(networkError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')),
	'real TLS error minting the token': tlsPath({}),
	'real TLS error with a stored token': tlsPath({ accessToken: TOKEN }),
	'bad JSON in a 200': async () => void settingsPatch().reply(200, '{not json', { 'Content-Type': 'application/json' }),
	'bad input in another field': async () => ({ fields: { recordingsQuotaPercentage: 150 } }),
};

const updateWithMailPassword = (fields: Record<string, unknown> = {}) => ({
	resource: 'notificationSettings',
	operation: 'updateNotificationSettings',
	notificationSettingsFields: { mailPassword: JSON.stringify({ Value: MAIL_PASSWORD }), ...fields },
});

/** Everything n8n keeps, shows or logs about the run — the node included, as n8n stores and logs it. */
function everythingShown(result: RunResult, logLines: string[]): Record<string, string> {
	const nodeRun = result.run.data.resultData.runData['3CX']?.[0];
	const error = result.error ?? result.items[0]?.error;
	const deep = (value: unknown) => inspect(value, { depth: 30, showHidden: true, breakLength: Infinity });
	return {
		message: String(error?.message),
		description: String((error as { description?: unknown })?.description),
		error: deep(error),
		'output items': `${JSON.stringify(result.items)}\n${deep(result.items)}`,
		'run data': `${JSON.stringify(result.run.data.resultData)}\n${deep(nodeRun?.error)}\n${deep(result.run.data.resultData.error)}`,
		'log lines': logLines.join('\n'),
	};
}

describe.each([
	['without Continue On Fail', false],
	['with Continue On Fail', true],
])('secrets never leak, %s', (_label, continueOnFail) => {
	test.each(Object.entries(paths))('%s', async (_name, arrange) => {
		const { credentials, cleanup, fields } = (await arrange()) ?? {};
		const logs = captureN8nLogs();
		let result: RunResult;
		try {
			result = await runThreeCx(updateWithMailPassword(fields) as INodeParameters, { continueOnFail, credentials });
		} finally {
			logs.stop();
			cleanup?.();
		}
		const error = result.error ?? result.items[0]?.error;
		expect(error?.message).toBeTruthy();
		// The error still says which node failed, and what it was doing; not what the user typed.
		const { node } = error as { node?: { name?: string; parameters?: object } };
		expect(node?.name).toBe('3CX');
		expect(node?.parameters).toEqual({ resource: 'notificationSettings', operation: 'updateNotificationSettings' });
		if (continueOnFail) expect(result.items[0].json.error).toBe(error?.message);

		// Positive controls: the capture sees n8n's debug log, and what it shows about the failure.
		expect(sawEngineDebugLine(logs.lines, 'Start executing node "3CX"')).toBe(true);
		if (!continueOnFail) {
			// n8n logs the failed execution's error, node included: where parameters used to leak.
			const finished = logs.lines.find((line) => line.includes('Workflow execution finished with error'));
			expect(finished).toContain(JSON.stringify(error!.message).slice(1, -1));
			expect(finished).toContain('"name":"3CX"');
		}

		const shown = everythingShown(result, logs.lines);
		const leaks = Object.entries(shown).flatMap(([where, text]) => SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`));
		expect(leaks).toEqual([]);
	});
});
