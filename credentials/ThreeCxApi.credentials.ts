import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { XAPI_ROOT } from '../nodes/shared/transport/pbx';
import { accessTokenFor } from '../nodes/shared/transport/token';

export class ThreeCxApi implements ICredentialType {
	name = 'threeCxApi';

	displayName = '3CX API';

	icon = { light: 'file:../icons/3cx.svg', dark: 'file:../icons/3cx.dark.svg' } as const;

	documentationUrl = 'https://www.3cx.com/docs/configuration-rest-api/';

	properties: INodeProperties[] = [
		{
			displayName: 'PBX URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://pbx.example.com:5001',
			description: 'The address of the 3CX web client, with the port if it is not 443',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'The Client ID of the API client in 3CX Admin › Integrations › API',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API key (client secret) 3CX showed once when the API client was created',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the PBX certificate cannot be validated (self-signed)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			// password: n8n masks it wherever it shows credential data, as it does the API key.
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Issued At',
			name: 'accessTokenIssuedAt',
			type: 'hidden',
			// Not a secret, but named like one: masked like the token beside it.
			typeOptions: { password: true },
			default: 0,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await accessTokenFor(this.helpers, credentials);
	}

	/**
	 * A function, not the generic `=Bearer {{$credentials.accessToken}}`: n8n applies it to every
	 * request (each page of a Return All), and an expression costs an evaluation each time.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
	});

	/** Definitions (time zones, codecs) rather than system data such as SystemStatus, so a client with a limited role passes; $select keeps the answer to a few bytes. */
	test: ICredentialTestRequest = {
		request: {
			// n8n sends the test request on its own, so pbxBaseUrl (transport/pbx.ts) is written out as an expression.
			baseURL: `={{$credentials.url.trim().replace(/\\/+$/, "")}}${XAPI_ROOT}`,
			url: '/Defs',
			qs: { $select: 'Id' },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
