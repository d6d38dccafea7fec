import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { locators } from '../generated';
import type { LocatorSet } from '../odata/endpoint';
import { sendWithinTopLimit } from '../../shared/transport/topLimit';
import { xapiConnection } from '../../shared/transport/pbx';
import { CREDENTIAL_TYPE, readXapi } from '../../shared/transport/request';
import { listEntryName, searchFilter } from './listQuery';

/** Entries per page of the editor's list; n8n asks for the next page with the token we return. */
export const LIST_PAGE_SIZE = 50;

function skipFrom(paginationToken: unknown): number {
	const skip = Number(paginationToken ?? 0);
	return Number.isSafeInteger(skip) && skip >= 0 ? skip : 0;
}

/**
 * One page of a "From List" mode: the PBX searches ($filter contains on the set's display fields)
 * and pages ($top/$skip), within the PBX's $top limit.
 */
async function searchEntitySet(
	context: ILoadOptionsFunctions,
	locator: LocatorSet,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connection = xapiConnection(await context.getCredentials(CREDENTIAL_TYPE));
	const skip = skipFrom(paginationToken);
	const select = [...new Set(['Id', ...locator.title.flat().map((field) => field.split('/')[0])])];
	const where = searchFilter(locator.search, filter);
	const path = `/${locator.set}`;
	// One row more than shown says whether there is a next page; a PBX that takes fewer shows fewer.
	const { result: answer, top } = await sendWithinTopLimit({ baseURL: connection.baseURL, path }, LIST_PAGE_SIZE + 1, async (top) =>
		await readXapi(context, connection, {
			path,
			qs: {
				$select: select.join(','),
				$orderby: locator.orderBy.join(','),
				$top: top,
				$skip: skip,
				...(where ? { $filter: where } : {}),
			},
		}),
	);
	const rows = (answer as { value?: IDataObject[] } | undefined)?.value;
	if (!Array.isArray(rows)) {
		throw new NodeOperationError(context.getNode(), `3CX answered the ${locator.label.toLowerCase()} list without a list of entries`);
	}
	const shown = Math.max(1, top - 1);
	const results: INodeListSearchItems[] = rows.slice(0, shown).map((row) => ({ name: listEntryName(locator, row), value: String(row.Id) }));
	return { results, ...(rows.length > shown ? { paginationToken: String(skip + shown) } : {}) };
}

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** One listSearch method per locator set, under the name its "From List" mode asks for (searchUsers …). */
export const listSearch: Record<string, ListSearchMethod> = Object.fromEntries(
	Object.values(locators).map((locator) => [
		locator.searchMethod,
		async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
			return await searchEntitySet(this, locator, filter, paginationToken);
		},
	]),
);
