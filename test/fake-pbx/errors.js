'use strict';
// Errors in the shape a real 3CX answers: an OData error whose message is
// "<Field>:\n<WARNINGS.XAPI.CODE>" and whose details name the field.

class XapiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} message top-level error message
	 * @param {Array<{code: string, message: string, target?: string}> | null} [details] null: no `details` in the body
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, message, details = [], headers = {}) {
		super(message);
		this.status = status;
		this.details = details;
		this.headers = headers;
	}

	toBody() {
		// 3CX leaves `details` out of query-option errors (details === null here).
		const error = { code: '', message: this.message };
		if (this.details !== null) error.details = this.details;
		return { error };
	}
}

/** The common 3CX validation error tied to one field, e.g. Number + ALREADY_IN_USE. */
function fieldError(status, field, warning) {
	const code = `WARNINGS.XAPI.${warning}`;
	return new XapiError(status, `${field}:\n${code}`, [{ code: '', message: code, target: field }]);
}

const alreadyInUse = (field) => fieldError(400, field, 'ALREADY_IN_USE');
const notFound = (field = 'Id') => fieldError(404, field, 'NOT_FOUND');
const invalidValue = (field) => fieldError(400, field, 'INVALID');
const duplicate = (field) => fieldError(400, field, 'DUPLICATE');

/** The message ASP.NET OData gives for a query option it cannot parse. */
function invalidQuery(reason) {
	return new XapiError(400, `The query specified in the URI is not valid. ${reason}`);
}

/** A $top above the PBX's limit, worded and shaped exactly as 3CX answers it (no `details`). */
const topLimitExceeded = (limit, top) =>
	new XapiError(
		400,
		`The query specified in the URI is not valid. The limit of '${limit}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
		null,
	);

/** 3CX answers a function argument of the wrong type or date format with a bare 500. */
const badArgument = (name, value) =>
	new XapiError(500, `An error has occurred. The value '${value}' of parameter '${name}' could not be converted.`, null);

const noRoute = (method, path) =>
	new XapiError(404, `No HTTP resource was found that matches the request URI '${path}' for method ${method}.`);

module.exports = { XapiError, fieldError, alreadyInUse, notFound, invalidValue, duplicate, invalidQuery, topLimitExceeded, badArgument, noRoute };
