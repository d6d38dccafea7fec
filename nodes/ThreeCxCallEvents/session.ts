import type { ICredentialDataDecryptedObject, INode, ITriggerFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { callControlError, sendCallControl, type CallControlTarget } from '../ThreeCx/transport/callControl';
import { xapiNodeError } from '../ThreeCx/transport/errors';
import { inspectFailure } from '../ThreeCx/transport/failure';
import { ignoresCertificateErrors } from '../ThreeCx/transport/tls';
import { CREDENTIAL_TYPE } from '../ThreeCx/transport/request';
import { accessTokenFor, pbxBaseUrl } from '../ThreeCx/transport/token';

/** More re-mints than this within the window means someone else keeps minting for this API client. */
const MAX_REMINTS = 3;
const REMINT_WINDOW_MS = 10 * 60_000;

const REJECTED = '3CX rejected the credential';

/**
 * The trigger's token and REST reads. The WebSocket needs the token itself (in its upgrade
 * request), so the trigger holds it here instead of leaving it to n8n's request helper; it still
 * comes from the credential's shared token (transport/token.ts), so the trigger, the 3CX node and
 * n8n's stored token agree on one token per API client.
 */
export class CallControlSession {
	private token?: string;
	private readonly remints: number[] = [];

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly credentials: ICredentialDataDecryptedObject,
	) {}

	get pbxUrl(): string {
		return pbxBaseUrl(this.credentials);
	}

	get insecure(): boolean {
		return ignoresCertificateErrors(this.credentials);
	}

	private get node(): INode {
		return this.context.getNode();
	}

	/** The token n8n stored for the credential, else the shared one (minted if there is none). */
	async currentToken(): Promise<string> {
		if (this.token) return this.token;
		const stored = typeof this.credentials.accessToken === 'string' ? this.credentials.accessToken : '';
		this.token = stored || (await this.shared(''));
		return this.token;
	}

	/**
	 * After `rejected` got a 401: the shared token if another caller renewed it meanwhile, else a new
	 * one. Bounded: a token that 3CX keeps revoking is an error, not a loop.
	 */
	async renew(rejected: string, target: CallControlTarget): Promise<string> {
		if (this.token && this.token !== rejected) return this.token;
		const now = Date.now();
		while (this.remints.length && now - this.remints[0] > REMINT_WINDOW_MS) this.remints.shift();
		if (this.remints.length >= MAX_REMINTS) {
			throw xapiNodeError(this.node, {
				message: `${REJECTED} again and again — ${MAX_REMINTS} new tokens in ${REMINT_WINDOW_MS / 60_000} minutes were revoked`,
				description: '3CX keeps one token per API client: another application or n8n instance that uses the same API client revokes this one. Give each its own API client.',
				httpCode: '401',
			});
		}
		this.remints.push(now);
		try {
			this.token = await this.shared(rejected);
		} catch (error) {
			throw callControlError(this.node, inspectFailure(error), target);
		}
		return this.token;
	}

	private async shared(presented: string): Promise<string> {
		const issued = await accessTokenFor(this.context.helpers, { ...this.credentials, accessToken: presented });
		if (typeof issued.accessToken === 'string') return issued.accessToken;
		// Another n8n process holds the newer token: it is in the credential once that process saved it.
		const stored = (await this.context.getCredentials(CREDENTIAL_TYPE)).accessToken;
		return typeof stored === 'string' ? stored : '';
	}

	/** GET below the PBX URL with the session's token: busy answers retried, one re-mint on 401. */
	async get(path: string, target: CallControlTarget): Promise<unknown> {
		const token = await this.currentToken();
		try {
			return await this.getWith(token, path, target);
		} catch (error) {
			if (!(error instanceof NodeApiError && error.httpCode === '401')) throw error;
		}
		return await this.getWith(await this.renew(token, target), path, target);
	}

	private async getWith(token: string, path: string, target: CallControlTarget): Promise<unknown> {
		const request = {
			method: 'GET' as const,
			url: `${this.pbxUrl}${path}`,
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
			json: true,
			skipSslCertificateValidation: this.insecure,
		};
		return await sendCallControl(async () => (await this.context.helpers.httpRequest(request)) as unknown, { method: 'GET', node: this.node, target });
	}
}

/**
 * Errors that waiting will not cure: the credential rejected (after its one re-mint), no Call
 * Control access (403), no Call Control API on the PBX (404 on /callcontrol).
 */
export function isLasting(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return ['401', '403', '404'].includes(error.httpCode ?? '') || error.message.startsWith(REJECTED);
}
