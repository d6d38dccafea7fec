import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials';

// n8n's queue mode: several processes (main, workers), one credential row in the database. Each
// process here is a credential helper of its own over one shared store, with its own copy of the
// credential module (and so its own in-process token cache), as separate processes have.

const FAILURE_MODULE = '../../nodes/shared/transport/failure';
const failureClasses = jest.requireActual<typeof import('../../nodes/shared/transport/failure')>(FAILURE_MODULE);

/**
 * The credential type as a separate process loads it: a fresh module registry, except for the
 * error classes, which the node (loaded once here) must recognise as in a real process.
 */
function credentialTypeOfAnotherProcess(): ICredentialType {
	let type: ICredentialType | undefined;
	jest.isolateModules(() => {
		jest.doMock(FAILURE_MODULE, () => failureClasses);
		const { ThreeCxApi } = require('../../credentials/ThreeCxApi.credentials') as typeof import('../../credentials/ThreeCxApi.credentials');
		type = new ThreeCxApi();
	});
	return type!;
}

/** `count` n8n processes on one stored credential. */
export function processesSharing(count: number, credential: ICredentialDataDecryptedObject): TestCredentialsHelper[] {
	const first = new TestCredentialsHelper(credential, { type: credentialTypeOfAnotherProcess() });
	const others = Array.from({ length: count - 1 }, () => new TestCredentialsHelper({}, { type: credentialTypeOfAnotherProcess(), sameDatabaseAs: first }));
	return [first, ...others];
}
