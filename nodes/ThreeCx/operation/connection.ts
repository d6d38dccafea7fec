import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../shared/transport/request';
import { pbxBaseUrl } from '../../shared/transport/token';

export type PbxConnection = Required<Pick<IHttpRequestOptions, 'baseURL' | 'skipSslCertificateValidation'>>;

/**
 * Where and how to reach the PBX, read from the credential once per node run. As `requestDefaults`
 * expressions n8n's declarative engine evaluated them three times for every item, which cost more
 * than the XAPI call itself (n8n's engine uses one credential snapshot per node run either way).
 */
const perNodeRun = new WeakMap<object, Promise<PbxConnection>>();

export async function pbxConnection(context: IExecuteSingleFunctions): Promise<PbxConnection> {
	// One object per node run, shared by the contexts of all its items; gone with the run.
	const nodeRun = context.getExecuteData();
	let connection = perNodeRun.get(nodeRun);
	if (!connection) {
		connection = context.getCredentials(CREDENTIAL_TYPE).then((credentials) => ({
			baseURL: `${pbxBaseUrl(credentials)}/xapi/v1`,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		}));
		perNodeRun.set(nodeRun, connection);
	}
	return await connection;
}
