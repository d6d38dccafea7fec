import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { xapiConnection, type XapiConnection } from '../../shared/transport/pbx';
import { CREDENTIAL_TYPE } from '../../shared/transport/request';

/**
 * Where and how to reach the PBX, read from the credential once per node run. As `requestDefaults`
 * expressions n8n's declarative engine evaluated them three times for every item, which cost more
 * than the XAPI call itself (n8n's engine uses one credential snapshot per node run either way).
 */
const perNodeRun = new WeakMap<object, Promise<XapiConnection>>();

export async function pbxConnection(context: IExecuteSingleFunctions): Promise<XapiConnection> {
	// One object per node run, shared by the contexts of all its items; gone with the run.
	const nodeRun = context.getExecuteData();
	let connection = perNodeRun.get(nodeRun);
	if (!connection) {
		connection = context.getCredentials(CREDENTIAL_TYPE).then(xapiConnection);
		perNodeRun.set(nodeRun, connection);
	}
	return await connection;
}
