'use strict';
// Errors in the shape a real 3CX answers: an OData error whose message is
// "<Field>:\n<WARNINGS.XAPI.CODE>" and whose details name the field.

class XapiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} message top-level error message
	 * @param {Array<{code: string, message: string, target?: string}>} [details]
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, message, details = [], headers = {}) {
		super(message);
		this.status = status;
		this.details = details;
		this.headers = headers;
	}

	toBody() {
		return { error: { code: '', message: this.message, details: this.details } };
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

const noRoute = (method, path) =>
	new XapiError(404, `No HTTP resource was found that matches the request URI '${path}' for method ${method}.`);

module.exports = { XapiError, fieldError, alreadyInUse, notFound, invalidValue, duplicate, invalidQuery, noRoute };
