import type { IDataObject } from 'n8n-workflow';
import type { XapiReader } from '../transport/reader';
import { rowsAfter, UNLIMITED, type KeysetQuery } from './keyset';

/**
 * The whole collection as it stands, for sets that change in place (active calls, users' status)
 * and are compared with the previous poll. Paged on the key, so a row present throughout is read
 * exactly once even when others come and go meanwhile; never cut short, since a missing row would
 * read as a call that ended.
 */
export async function currentRows(reader: XapiReader, query: KeysetQuery): Promise<IDataObject[]> {
	return (await rowsAfter(reader, query, null, UNLIMITED)).rows;
}
