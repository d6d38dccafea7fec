import nock from 'nock';
import { forgetTopLimits } from '../../nodes/shared/transport/topLimit';
import { forgetTokens } from '../../nodes/shared/transport/token';
import { PBX } from './workflow';

/** A nock scope for the PBX with the token endpoint answered; records what it was asked. */
export function fakePbx(options: { token?: string } = {}) {
	const seen: Array<{ method: string; path: string; body: unknown; headers: Record<string, unknown> }> = [];
	const scope = nock(PBX);
	scope.on('request', (req: { method: string; path: string; headers: Record<string, unknown> }, _interceptor: unknown, body: string) => {
		seen.push({ method: req.method, path: req.path, body: body ? tryJson(body) : undefined, headers: req.headers });
	});
	scope.post('/connect/token').reply(200, { access_token: options.token ?? 'token-1', expires_in: 60, token_type: 'Bearer' });
	return { scope, seen, xapi: (path: string) => seen.filter((r) => r.path.startsWith('/xapi/v1') && (path === '' || r.path === `/xapi/v1${path}`)) };
}

function tryJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function resetPbx(): void {
	forgetTokens();
	forgetTopLimits();
	nock.cleanAll();
	nock.disableNetConnect();
}
