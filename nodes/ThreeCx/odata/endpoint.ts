/**
 * One XAPI operation as the generator read it from 3CX's specs: everything the runtime needs to
 * build its request and shape its answer. Value kinds are one letter (helpers/values.ts checks
 * them): s text, u GUID, i int32, n number, p percentage, b boolean, d date-time, D duration,
 * a JSON list, o JSON object, j any JSON, c ConcealedPassword (a secret typed as text), `e:Enum`.
 */
export interface Endpoint {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** OData path under /xapi/v1 with `{Name}` placeholders for keys and function parameters. */
	path: string;
	/** The path an older 3CX update used for the same operation, tried when the newest form answers 404. */
	legacyPath?: string;
	/** `locator`: the parameter is a resource locator of that entity set (a key of the generated `locators`). */
	params?: Array<{ name: string; prop: string; kind: string; nullable?: true; locator?: string }>;
	/** The alternate-key path (`/Users(Number={Number})`) that reads the same entity when its locator is given By Number. */
	byNumber?: string;
	/** The OData query options the spec allows, one letter each: t top, k skip, s search, f filter, c count, o orderby, l select, e expand. */
	query?: string;
	ifMatch?: true;
	/** The node parameter (an Options collection) holding this operation's query options and If-Match. */
	options?: string;
	/**
	 * Body fields by node parameter name: [spec name, kind]. With `collection`, they are read from
	 * that collection; `older` are action parameters only older updates take, sent only when added
	 * to the `olderCollection`.
	 */
	body?: {
		collection?: string;
		fields: Record<string, [string, string]>;
		older?: Record<string, [string, string]>;
		olderCollection?: string;
	};
	response: 'collection' | 'object' | 'none';
	/** A collection that can be paged with $top/$skip (Return All / Limit). */
	paged?: true;
	/** Rows per page where the PBX takes more than the default 100 (call history). */
	pageSize?: number;
	/** The PBX applies $top/$skip before $filter and counts only the page (GetCallLogData). */
	pagesBeforeFilter?: true;
	/**
	 * Reads one entity of the set by `$filter=<key> eq …&$top=1`: the PBX answers 404 to the key
	 * path although it lists the entity (Recordings). The value is the key property.
	 */
	byFilter?: string;
	/** PATCH of something that also has a GET on the same path: output the entity as it stands after the update. */
	reread?: true;
	/** A download: the stem of the default file name. */
	file?: string;
	/** Which 3CX updates have the operation, when not all of them do. */
	versions?: string;
}

/** An entity set whose key the node takes as a resource locator: how to list, search and label it. */
export interface LocatorSet {
	/** Entity set, as in `/Users`. */
	set: string;
	/** What one entity is called in the editor and in errors: "User". */
	label: string;
	/** The node's listSearch method for the "From List" mode. */
	searchMethod: string;
	/** How a list entry reads: groups of fields (a path like Gateway/Name reads nested values), joined by " — ". */
	title: string[][];
	/** Fields a search looks in, each with `contains`; a `/` path is an OData member path. */
	search: string[];
	orderBy: string[];
	/** Present when 3CX has the Number alternate key: the format of the set's numbers (a regex) and an example. */
	number?: { pattern: string; example: string };
}
