/**
 * The endpoint table: what `npm run generate` writes into generated/resources/*.ts and the runtime
 * reads. These types are its contract. The generator is checked against them
 * (tsconfig.generator.json), so a kind or option one side does not know fails a build, not a request.
 */

/**
 * How the runtime validates a value and writes it into a request: the legend of the one-letter
 * kinds, here only (the generator, helpers/values.ts and odata/literal.ts refer to it). One letter
 * keeps the 627 endpoints' tables small in the package n8n loads.
 */
export type LetterKind =
	/** Text. */
	| 's'
	/** A GUID: unquoted in an OData path. */
	| 'u'
	/** A 32-bit integer. */
	| 'i'
	/** A number; OData writes doubles as anyOf [number, "INF"/"NaN"], of which the number is meant. */
	| 'n'
	/** A percentage: int32 in the spec, but 3CX accepts 0–100 only (a name ending in Percentage). */
	| 'p'
	/** A boolean. */
	| 'b'
	/** A date-time, sent as ISO 8601 in UTC. */
	| 'd'
	/** An ISO 8601 duration (PT1H30M). */
	| 'D'
	/** A JSON list. */
	| 'a'
	/** A JSON object. */
	| 'o'
	/** Any JSON: a schema without a type. */
	| 'j'
	/** 3CX's ConcealedPassword: an object in the spec, but a secret users type as text; sent as `{ Value }`. */
	| 'c';

/** An enum, by its name in the generated `enums` (the spec's schema name without "Pbx."). */
export type EnumKind = `e:${string}`;

/** A value's kind in the endpoint table. */
export type FieldKind = LetterKind | EnumKind;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What 3CX answers: a collection (`value` rows), one object, or nothing the node reads. */
export type ResponseKind = 'collection' | 'object' | 'none';

/**
 * The OData query options the spec allows, one letter each: t $top, k $skip, s $search,
 * f $filter, c $count, o $orderby, l $select, e $expand.
 */
export type QueryOption = 't' | 'k' | 's' | 'f' | 'c' | 'o' | 'l' | 'e';

type Maybe<Letter extends QueryOption> = Letter | '';

/**
 * An operation's query options as one string, letters in the order tksfcole: one order means one
 * string per set, so the generator can name each set's Options collection.
 */
export type QueryOptions = `${Maybe<'t'>}${Maybe<'k'>}${Maybe<'s'>}${Maybe<'f'>}${Maybe<'c'>}${Maybe<'o'>}${Maybe<'l'>}${Maybe<'e'>}`;

/** A path parameter: a key or a function parameter. */
export interface EndpointParam {
	name: string;
	prop: string;
	kind: FieldKind;
	nullable?: true;
	/** The parameter is a resource locator of that entity set (a key of the generated `locators`). */
	locator?: string;
}

/** A body field: [spec name, kind]. */
export type BodyField = [string, FieldKind];

/**
 * One XAPI operation as the generator read it from 3CX's specs: everything the runtime needs to
 * build its request and shape its answer.
 */
export interface Endpoint {
	method: HttpMethod;
	/** OData path under /xapi/v1 with `{Name}` placeholders for keys and function parameters. */
	path: string;
	/** The path an older 3CX update used for the same operation, tried when the newest form answers 404. */
	legacyPath?: string;
	params?: EndpointParam[];
	/** The alternate-key path (`/Users(Number={Number})`) that reads the same entity when its locator is given By Number. */
	byNumber?: string;
	query?: QueryOptions;
	ifMatch?: true;
	/** The node parameter (an Options collection) holding this operation's query options and If-Match. */
	options?: string;
	/**
	 * Body fields by node parameter name. With `collection`, they are read from that collection;
	 * `older` are action parameters only older updates take, sent only when added to the
	 * `olderCollection`.
	 */
	body?: {
		collection?: string;
		fields: Record<string, BodyField>;
		older?: Record<string, BodyField>;
		olderCollection?: string;
	};
	response: ResponseKind;
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
