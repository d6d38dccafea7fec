import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { locators, resources, shared } from '../../nodes/ThreeCx/generated';
import type { Endpoint } from '../../nodes/ThreeCx/odata/endpoint';

/**
 * Node parameters that exercise every input of an operation: each path/action parameter, every
 * body field and every OData option it offers, with a plausible value of the parameter's type.
 * Values come from the node's own UI description (what a user could pick), not from the spec.
 */
export function sampleValue(property: INodeProperties): unknown {
	switch (property.type) {
		case 'options':
			return (property.options as Array<{ value: unknown }>)[0].value;
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2024-05-01T09:30:00Z';
		case 'json':
			return property.default;
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: '1' };
		default:
			return property.placeholder === 'PT1H30M' ? 'PT1H30M' : 'sample value';
	}
}

const QUERY_SAMPLES: IDataObject = { top: 5, skip: 2, search: 'ann smith', filter: 'Id eq 1', count: true, select: 'Id', orderby: 'Id desc', expand: 'Groups', ifMatch: 'W/"1"' };
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const shownFor = (property: INodeProperties, operation: string) => property.displayOptions?.show?.operation?.includes(operation) ?? false;

export interface OperationCase {
	resource: string;
	operation: string;
	endpoint: Endpoint;
	parameters: INodeParameters;
}

export function operationCases(): OperationCase[] {
	const inputs = [...shared.parameters, ...resources.flatMap((r) => r.parameters)];
	const bodies = [...shared.bodies, ...resources.flatMap((r) => r.bodies)];
	return resources.flatMap((module) => {
		const resource = module.operation.displayOptions!.show!.resource![0] as string;
		return Object.entries(module.endpoints).map(([operation, endpoint]) => {
			const parameters: INodeParameters = { resource, operation };
			for (const property of inputs.filter((p) => shownFor(p, operation))) {
				const param = endpoint.params?.find((p) => p.prop === property.name);
				parameters[property.name] = (param?.kind === 'u' ? UUID : sampleValue(property)) as INodeParameters[string];
			}
			// Every field of the Fields collection the newest update has, as its user would fill them in.
			// (Found by name: n8n shows a collection named "…update…" as "Update Fields".)
			const body = bodies.find((p) => shownFor(p, operation) && p.name === endpoint.body?.collection);
			if (body) {
				const current = (body.options as INodeProperties[]).filter((field) => !/ only$/.test(field.description ?? ''));
				parameters[body.name] = Object.fromEntries(current.map((field) => [field.name, sampleValue(field)])) as INodeParameters[string];
			}
			if (endpoint.query || endpoint.ifMatch) {
				const letters = endpoint.query ?? '';
				const names: Record<string, string> = { t: 'top', k: 'skip', s: 'search', f: 'filter', c: 'count', o: 'orderby', l: 'select', e: 'expand' };
				const options: IDataObject = {};
				for (const letter of letters) options[names[letter]] = QUERY_SAMPLES[names[letter]];
				if (endpoint.ifMatch) options.ifMatch = QUERY_SAMPLES.ifMatch;
				const collection = shared.options.find((p) => shownFor(p, operation))!;
				parameters[collection.name] = options as INodeParameters[string];
			}
			return { resource, operation, endpoint, parameters };
		});
	});
}

/**
 * The same body with one field given a value of the wrong JSON type: a boolean, text, JSON or
 * number field in that order of preference, since a number field may also accept text (OData
 * doubles are number-or-string in the spec).
 */
export function wronglyTyped(body: IDataObject): IDataObject | undefined {
	const entries = Object.entries(body);
	const pick = (type: string) => entries.find(([, value]) => (type === 'object' ? value !== null && typeof value === 'object' : typeof value === type));
	const choice = pick('boolean') ?? pick('string') ?? pick('object') ?? pick('number');
	if (!choice) return undefined;
	const [field, value] = choice;
	const wrong = typeof value === 'boolean' ? 'yes' : typeof value === 'string' ? 12345 : typeof value === 'object' ? 'not an object' : { not: 'a number' };
	return { ...body, [field]: wrong };
}

export interface LocatorCase extends OperationCase {
	mode: 'list' | 'number';
	/** The value given in that mode. */
	value: string;
}

/**
 * Every operation that takes a resource locator, in its other modes than By ID (which the
 * operation cases use): From List, and By Number where the entity set has the Number key.
 */
export function locatorCases(): LocatorCase[] {
	return operationCases().flatMap((c) => {
		const param = c.endpoint.params?.find((p) => p.locator);
		if (!param) return [];
		const example = locators[param.locator!].number?.example;
		const withKey = (mode: LocatorCase['mode'], value: string): LocatorCase => ({
			...c,
			mode,
			value,
			parameters: { ...c.parameters, [param.prop]: { __rl: true, mode, value } },
		});
		return [withKey('list', '2'), ...(example ? [withKey('number', example)] : [])];
	});
}
