import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type Workflow,
} from 'n8n-workflow';
import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';

/**
 * The credential store of an n8n instance, reduced to what node execution uses. Like n8n's own
 * CredentialsHelper it runs the credential type's preAuthentication when the expirable token is
 * empty or n8n reports it expired, and persists the new token for later items and executions.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly type: ICredentialType;
	readonly store: Map<string, ICredentialDataDecryptedObject>;
	preAuthenticationCalls = 0;

	/** `sameDatabaseAs`: another n8n process (queue-mode worker) on the same stored credential. */
	constructor(initial: ICredentialDataDecryptedObject, options: { type?: ICredentialType; sameDatabaseAs?: TestCredentialsHelper } = {}) {
		super();
		this.type = options.type ?? new ThreeCxApi();
		this.store = options.sameDatabaseAs?.store ?? new Map([['1', { accessToken: '', ...initial }]]);
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<ICredentialDataDecryptedObject | undefined> {
		return await (this.type.preAuthentication as (this: IHttpRequestHelper, c: ICredentialDataDecryptedObject) => Promise<ICredentialDataDecryptedObject>).call(helpers, credentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _typeName: string, requestOptions: IHttpRequestOptions, workflow: Workflow, node: INode): Promise<IHttpRequestOptions> {
		const authenticate = this.type.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
				: value;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[target] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) bag[key] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, _typeName: string, _node: INode, credentialsExpired: boolean): Promise<ICredentialDataDecryptedObject | undefined> {
		const expirable = this.type.properties.find((p: INodeProperties) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || !this.type.preAuthentication) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthenticationCalls++;
		const output = (await this.runPreAuthentication(helpers, credentials))!;
		const updated = Object.assign(credentials, output);
		this.store.set('1', { ...this.store.get('1'), ...output });
		return updated;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by node execution');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: INodeCredentialsDetails): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store.get('1') };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
	}
}
