// @ts-check
'use strict';
/**
 * @typedef {import('./model').Operation} Operation
 * @typedef {import('./model').PathParam} PathParam
 * @typedef {import('../../nodes/ThreeCx/odata/endpoint').Endpoint} Endpoint
 */
/**
 * What live 3CX PBXs do that their specs do not say (../shared/live-pbx/FACTS.md), where it shapes
 * the node's operations. Everything else comes from the specs.
 */

/**
 * GetCallLogData and its sibling reports need every argument: "all" is 0, a whole day is the time
 * filter '0:00:0' (empty is refused) and 3CX's own report hides parking and pickup calls.
 * @type {Record<string, string | boolean>}
 */
const PARAMETER_DEFAULTS = { callTimeFilterFrom: '0:00:0', callTimeFilterTo: '0:00:0', hidePcalls: true };

/** Text arguments every live-tested client sends as '' when empty; whether null works is unknown. */
const EMPTY_AS_TEXT = new Set(['sourceFilter', 'destinationFilter', 'callTimeFilterFrom', 'callTimeFilterTo']);

/**
 * What a parameter's input says beside its update note.
 * @type {Record<string, string>}
 */
const PARAMETER_NOTES = {
	periodFrom: 'Sent in UTC: 3CX refuses other offsets',
	periodTo: 'Sent in UTC: 3CX refuses other offsets',
	callTimeFilterFrom: "Time of day the calls start after, as H:MM:S; '0:00:0' for the whole day",
	callTimeFilterTo: "Time of day the calls start before, as H:MM:S; '0:00:0' for the whole day",
	sourceType: '0 for all callers',
	destinationType: '0 for all destinations',
	callsType: '0 for all calls',
	callTimeFilterType: '0 for no time-of-day filter',
};

/**
 * GetCallLogData accepts pages of 1000 (live clients use 500 and 1000); entity sets refuse more than 100.
 * @type {Record<string, number>}
 */
const PAGE_SIZES = { 'ReportCallLogData\u0000GetCallLogData': 1000, 'ReportCallLogData\u0000GetOldCallLogData': 1000 };

/** GetCallLogData applies $top/$skip before $filter and counts only the page (its sibling is assumed alike). */
const PAGES_BEFORE_FILTER = new Set(['ReportCallLogData\u0000GetCallLogData', 'ReportCallLogData\u0000GetOldCallLogData']);

const CALL_LOG = 'Call Log Data Report › Get Call Log Data';

/**
 * Where the calls are: 3CX 20.0.6 moved new calls out of CallHistoryView.
 * @type {Record<string, string>}
 */
const RESOURCE_NOTES = {
	CallHistoryView: `Calls from before 3CX 20.0.6; later calls are in ${CALL_LOG}`,
};
/** @type {Record<string, string>} */
const OPERATION_NOTES = {
	'CallHistoryView\u0000ListCallHistoryView': `Calls from before 3CX 20.0.6; later calls: ${CALL_LOG}`,
	'ReportCallLogData\u0000GetCallLogData': 'The calls of a period; from 3CX 20.0.6 on, new calls are only here',
};

/** @param {Pick<Operation, 'tag' | 'operationId'>} op */
const key = (op) => `${op.tag}\u0000${op.operationId}`;

/**
 * Operations the specs lack a working form of. A recording's key path answers 404 on live PBXs,
 * while a one-row filter on its Id finds it.
 * @param {Map<string, Operation[]>} resources
 * @param {string[]} versions
 */
function addLiveOperations(resources, versions) {
	const recordings = resources.get('Recordings');
	if (!recordings || recordings.some((op) => op.crud === 'get')) return;
	recordings.push({
		tag: 'Recordings',
		operationId: 'GetRecording',
		value: 'getRecording',
		name: 'Get',
		action: 'Get a recording',
		crud: 'get',
		versions: [...versions],
		method: 'GET',
		path: '/Recordings',
		pathParams: [{ name: 'Id', prop: 'recordingId', type: { kind: 'i' }, nullable: false, versions: [...versions] }],
		queryOptions: '',
		ifMatch: false,
		response: 'object',
		reread: false,
		byFilter: 'Id',
	});
}

/**
 * The endpoint-table entries these facts add to an operation.
 * @param {Operation} op
 * @returns {Pick<Endpoint, 'pageSize' | 'pagesBeforeFilter' | 'byFilter'>}
 */
function liveEndpointFields(op) {
	return {
		...(PAGE_SIZES[key(op)] ? { pageSize: PAGE_SIZES[key(op)] } : {}),
		...(PAGES_BEFORE_FILTER.has(key(op)) ? { pagesBeforeFilter: true } : {}),
		...(op.byFilter ? { byFilter: op.byFilter } : {}),
	};
}

/**
 * Whether an empty input is sent as 3CX's null (else as '').
 * @param {PathParam} param
 */
const emptyIsNull = (param) => param.nullable && !EMPTY_AS_TEXT.has(param.name);

/** @param {Operation} op */
const operationNote = (op) => OPERATION_NOTES[key(op)];
/** @param {string} tag */
const resourceNote = (tag) => RESOURCE_NOTES[tag];
/** @param {PathParam} param */
const parameterDefault = (param) => PARAMETER_DEFAULTS[param.name];
/** @param {PathParam} param */
const parameterNote = (param) => PARAMETER_NOTES[param.name];

module.exports = { addLiveOperations, liveEndpointFields, emptyIsNull, operationNote, resourceNote, parameterDefault, parameterNote };
