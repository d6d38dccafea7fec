import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { InvalidValueError, isBlankJson, toApiValue } from '../helpers/values';
import type { BodyField, Endpoint } from '../odata/endpoint';
import { queryLiteral, type LiteralValue } from '../odata/literal';
import { queryString, type QueryOptionValues } from '../odata/queryOptions';
import { asNodeApiError, xapiNodeError } from '../../shared/transport/errors';
import { pbxConnection } from './connection';
import { currentEndpoint } from './endpoints';
import { itemOperation, keepItemOperation } from './item';

/** Only what the user set: entity fields from the Fields collection, action parameters from the top level. */
function requestBody(context: IExecuteSingleFunctions, endpoint: Endpoint): IDataObject | undefined {
	if (!endpoint.body) return undefined;
	const { collection, fields, older, olderCollection } = endpoint.body;
	const given = collection
		? (context.getNodeParameter(collection, {}) as IDataObject)
		: Object.fromEntries(Object.keys(fields).map((prop) => [prop, context.getNodeParameter(prop, undefined)]));
	const body: IDataObject = {};
	addFields(body, given, fields);
	if (older && olderCollection) addFields(body, context.getNodeParameter(olderCollection, {}) as IDataObject, older);
	return body;
}

function addFields(body: IDataObject, given: IDataObject, fields: Record<string, BodyField>): void {
	for (const [prop, value] of Object.entries(given)) {
		const field = fields[prop];
		// A collection keeps values of fields another operation showed; they are not this operation's.
		if (!field || value === undefined) continue;
		const [name, kind] = field;
		if (isBlankJson(kind, value)) continue;
		body[name] = toApiValue(name, kind, value) as IDataObject[string];
	}
}

/** An entity read by its key as a one-row filter (Endpoint.byFilter). */
function keyFilter(context: IExecuteSingleFunctions, endpoint: Endpoint): IDataObject {
	const key = endpoint.params?.find((param) => param.name === endpoint.byFilter);
	if (!key) return {};
	const value = toApiValue(key.name, key.kind, context.getNodeParameter(key.prop, '')) as LiteralValue;
	return { $filter: `${key.name} eq ${queryLiteral(key.kind, value)}`, $top: 1 };
}

/**
 * preSend of every operation: builds method, path (OData literals), query and body from the
 * endpoint table and the node parameters. Bad input throws here, before anything is sent; a key
 * given By Number is looked up here when the operation's path wants the Id.
 */
export async function buildRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	try {
		const { endpoint } = currentEndpoint(this);
		const options = (endpoint.options ? this.getNodeParameter(endpoint.options, {}) : {}) as QueryOptionValues;
		const body = requestBody(this, endpoint);
		const connection = await pbxConnection(this);
		const operation = itemOperation(this, endpoint, connection);
		return keepItemOperation(
			{
				...requestOptions,
				...connection,
				method: endpoint.method,
				url: await operation.urlOn(endpoint.path),
				qs: { ...requestOptions.qs, ...queryString(options, endpoint.query), ...keyFilter(this, endpoint) },
				headers: { ...requestOptions.headers, ...(endpoint.ifMatch && options.ifMatch ? { 'If-Match': options.ifMatch } : {}) },
				body,
			},
			operation,
		);
	} catch (error) {
		if (error instanceof InvalidValueError) {
			throw xapiNodeError(this.getNode(), {
				message: error.message,
				itemIndex: this.getItemIndex(),
				description: error.description ?? `Nothing was sent to 3CX. Correct "${error.field}" and run the node again.`,
			});
		}
		throw asNodeApiError(this.getNode(), error, this.getItemIndex());
	}
}
