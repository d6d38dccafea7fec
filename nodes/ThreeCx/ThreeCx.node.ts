import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { properties } from './description';
import { callControl } from './callControl/description';
import { subtitleExpression } from './subtitle';
import { listSearch } from './methods/listSearch';
import { runAnyOperation } from './callControl/dispatch';

export class ThreeCx implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX',
		name: 'threeCx',
		icon: { light: 'file:../../icons/3cx.svg', dark: 'file:../../icons/3cx.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen action's label, e.g. "Get many users".
		subtitle: subtitleExpression([callControl.operation]),
		description: 'Manage a 3CX V20 phone system: users, queues, ring groups, IVRs, call history, recordings, chats and settings, and its live calls',
		documentationUrl: 'https://www.3cx.com/docs/configuration-rest-api/',
		defaults: { name: '3CX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'threeCxApi', required: true }],
		// No expressions here: the engine would evaluate them for every item. buildRequest adds the
		// PBX address from the credential (operation/connection.ts).
		requestDefaults: { headers: { Accept: 'application/json' } },
		// Declarative nodes call `pagination` for requests marked `paginate`; every operation is, so
		// this is the one place that owns sending, paging, re-reading and file answers.
		requestOperations: { pagination: runAnyOperation },
		properties,
	};

	/** The "From List" modes of the resource locators: searches on the PBX, a page at a time. */
	methods = { listSearch };
}
