import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import type { LocatorSet } from '../odata/endpoint';
import { queryStringLiteral } from '../odata/literal';
import { xapiNodeError } from '../../shared/transport/errors';
import type { XapiConnection } from '../../shared/transport/pbx';
import { readXapi } from '../../shared/transport/request';

/**
 * The Id of the entity with a number, for operations that 3CX only offers by Id: one $filter
 * lookup on the entity set (every 3CX update has it, unlike the Number alternate key).
 */
export async function idForNumber(context: IExecuteSingleFunctions, locator: LocatorSet, number: string, connection: XapiConnection): Promise<number> {
	const answer = await readXapi(context, connection, {
		path: `/${locator.set}`,
		qs: { $filter: `Number eq ${queryStringLiteral(number)}`, $select: 'Id,Number', $top: 1 },
	});
	const rows = (answer as { value?: IDataObject[] } | undefined)?.value;
	const id = Array.isArray(rows) ? rows[0]?.Id : undefined;
	if (typeof id !== 'number') {
		throw xapiNodeError(context.getNode(), {
			message: `No ${locator.label.toLowerCase()} has the number ${number}`,
			itemIndex: context.getItemIndex(),
			description: `3CX found no ${locator.label.toLowerCase()} with that number, so nothing was changed. Check "${locator.label}" (By Number) or choose it From List.`,
		});
	}
	return id;
}
