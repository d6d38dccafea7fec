/**
 * One XAPI operation as the generator read it from 3CX's specs: everything the runtime needs to
 * build its request and shape its answer. Value kinds are one letter (see helpers/values.ts).
 */
export interface Endpoint {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** OData path under /xapi/v1 with `{Name}` placeholders for keys and function parameters. */
	path: string;
	/** The path an older 3CX update used for the same operation, tried when the newest form answers 404. */
	legacyPath?: string;
	params?: Array<{ name: string; prop: string; kind: string; nullable?: true }>;
	/** The OData query options the spec allows, one letter each: t top, k skip, s search, f filter, c count, o orderby, l select, e expand. */
	query?: string;
	ifMatch?: true;
	/**
	 * Body fields by node parameter name: [spec name, kind]. With `collection`, they are read from
	 * that collection; `older` are action parameters only older updates take, sent only when added.
	 */
	body?: { collection?: string; fields: Record<string, [string, string]>; older?: Record<string, [string, string]> };
	response: 'collection' | 'object' | 'none';
	/** A collection that can be paged with $top/$skip (Return All / Limit). */
	paged?: true;
	/** PATCH of something that also has a GET on the same path: output the entity as it stands after the update. */
	reread?: true;
	/** A download: the stem of the default file name. */
	file?: string;
	/** Which 3CX updates have the operation, when not all of them do. */
	versions?: string;
}
