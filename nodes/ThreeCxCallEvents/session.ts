import type { ICredentialDataDecryptedObject, INode, ITriggerFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { sendCallControl, type CallControlTarget } from '../shared/transport/callControl';
import { xapiNodeError } from '../shared/transport/errors';
import { CREDENTIAL_TYPE } from '../shared/transport/request';
import { ignoresCertificateErrors } from '../shared/transport/tls';
import { pbxBaseUrl } from '../shared/transport/pbx';

/** More new tokens than this within the window means someone else keeps minting for this API client. */
const MAX_TOKEN_CHANGES = 3;
const TOKEN_CHANGE_WINDOW_MS = 10 * 60_000;

const REJECTED = '3CX rejected the credential';

/**
 * The trigger's REST reads and the token for its WebSocket. The reads go through n8n's
 * authenticated request helper, as XAPI's do: n8n gets and saves the credential's token (the
 * shared one of transport/token.ts; one re-mint on 401). The WebSocket needs the token itself, in
 * its upgrade request: it takes the one the credential holds after such a read.
 */
export class CallControlSession {
	private readonly tokenChanges: number[] = [];
	private socketTokenInUse?: string;

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

	/** GET below the PBX URL: busy answers retried, a refused token renewed by n8n. */
	async get(path: string, target: CallControlTarget): Promise<unknown> {
		const request = {
			method: 'GET' as const,
			url: `${this.pbxUrl}${path}`,
			headers: { Accept: 'application/json' },
			json: true,
			skipSslCertificateValidation: this.insecure,
		};
		return await sendCallControl(async () => (await this.context.helpers.httpRequestWithAuthentication.call(this.context, CREDENTIAL_TYPE, request)) as unknown, {
			method: 'GET',
			node: this.node,
			target,
		});
	}

	/**
	 * The token the credential holds now, for the socket: the one n8n's last read used or saved.
	 * A new one counts; 3CX revoking token after token is an error, not a loop of new tokens.
	 */
	async socketToken(): Promise<string> {
		const { accessToken } = await this.context.getCredentials(CREDENTIAL_TYPE);
		const token = typeof accessToken === 'string' ? accessToken : '';
		if (this.socketTokenInUse !== undefined && token !== this.socketTokenInUse) this.countTokenChange();
		this.socketTokenInUse = token;
		return token;
	}

	private countTokenChange(): void {
		const now = Date.now();
		while (this.tokenChanges.length && now - this.tokenChanges[0] > TOKEN_CHANGE_WINDOW_MS) this.tokenChanges.shift();
		if (this.tokenChanges.length >= MAX_TOKEN_CHANGES) {
			throw xapiNodeError(this.node, {
				message: `${REJECTED} again and again — ${MAX_TOKEN_CHANGES} new tokens in ${TOKEN_CHANGE_WINDOW_MS / 60_000} minutes were revoked`,
				description: '3CX keeps one token per API client: another application or n8n instance that uses the same API client revokes this one. Give each its own API client.',
				httpCode: '401',
			});
		}
		this.tokenChanges.push(now);
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
