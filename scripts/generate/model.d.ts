/**
 * The generator's reading of 3CX's specs (buildModel), which its JavaScript and the tests share.
 * What it emits is typed by the endpoint table's contract, nodes/ThreeCx/odata/endpoint.ts.
 */
import type { HttpMethod, LetterKind, LocatorSet, QueryOptions, ResponseKind } from '../../nodes/ThreeCx/odata/endpoint';

/**
 * A value's type as the spec gives it. `p` is not among the kinds: a percentage is an int32 the
 * spec does not tell apart, and kindCode (ui-properties.js) finds it by name.
 */
export type FieldType = { kind: Exclude<LetterKind, 'p'> } | { kind: 'e'; enumName: string; values: Array<string | number> };

/** An OpenAPI schema, as far as the generator reads one. */
export interface Schema {
	$ref?: string;
	allOf?: Schema[];
	anyOf?: Schema[];
	properties?: Record<string, Schema>;
	items?: Schema;
	type?: string;
	format?: string;
	enum?: Array<string | number>;
	nullable?: boolean;
	title?: string;
}

/** One 3CX update's OpenAPI document as js-yaml reads it: untyped past what the generator checks itself. */
export interface SpecDoc {
	paths: Record<string, Record<string, any>>;
	components?: Record<string, any>;
}

export interface Spec {
	version: string;
	doc: SpecDoc;
}

/** One form of an operation, component or entity field, and the updates that have it (all, when absent). */
export interface ModelVariant {
	updates?: string[];
	value: any;
}

/** spec/xapi-model.json, as `npm run specs` (scripts/specs/reduce.js) writes it. */
export interface SpecModel {
	updates: string[];
	paths: Record<string, Record<string, ModelVariant[]>>;
	components: Record<string, Record<string, ModelVariant[]>>;
	schemaProperties: Record<string, Record<string, ModelVariant[]>>;
}

/** A locator set as configured (locators.js); the endpoint table adds its search method. */
export type LocatorEntry = Omit<LocatorSet, 'searchMethod'>;

export interface PathParam {
	name: string;
	/** The node parameter. */
	prop: string;
	type: FieldType;
	nullable: boolean;
	/** Which updates have it, where not the operation's every update. */
	versions?: string[];
	/** Only an older form of the path takes it. */
	legacy?: boolean;
	/** The newest form's parameter this older one is read from (named differently only in case). */
	aliasOf?: PathParam;
	locator?: { entry: LocatorEntry; key: string };
}

export interface BodyField {
	name: string;
	/** The node parameter. */
	prop: string;
	type: FieldType;
	versions: string[];
	/** An action parameter only older updates take. */
	older: boolean;
}

export interface Body {
	/** `params`: OData action parameters; `entity`: an entity's fields. */
	style: 'params' | 'entity';
	schemaName?: string;
	fields: BodyField[];
}

export type Crud = 'list' | 'get' | 'getByNumber' | 'create' | 'update' | 'delete';

export interface Operation {
	tag: string;
	operationId: string;
	/** The node's operation value. */
	value: string;
	name: string;
	/** The node creator's label (labels.js). */
	action?: string;
	crud?: Crud;
	/** The updates that have it, oldest first. */
	versions: string[];
	method: HttpMethod;
	path: string;
	legacyPath?: string;
	pathParams: PathParam[];
	queryOptions: QueryOptions;
	ifMatch: boolean;
	body?: Body;
	response: ResponseKind;
	reread: boolean;
	fileStem?: string;
	byFilter?: string;
	byNumber?: string;
	/** Node parameter names operationInputs gives the operation's collections. */
	bodyCollection?: string;
	olderCollection?: string;
	optionsCollection?: string;
}

export interface Model {
	/** Every update, oldest first. */
	versions: string[];
	/** Operations by resource (spec tag). */
	resources: Map<string, Operation[]>;
}
