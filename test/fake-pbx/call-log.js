'use strict';
// The call log of 3CX 20.0.6 and later: new calls are written here (one row per call segment, keyed
// by a CDR GUID) and read through ReportCallLogData/Pbx.GetCallLogData(...) only; CallHistoryView
// keeps the calls from before the upgrade. The function behaves as live PBXs do: all 11 arguments
// or no route (404), a wrong type or date format is a 500, a too long period a 504 from the proxy,
// durations are ISO strings with fractions, and $top/$skip cut the page BEFORE $filter, so
// @odata.count counts only that page. Before 20.0.6 the same function reads CallHistoryView, in
// that update's narrower row shape.
const { createCallHistory } = require('./call-history');
const { LazyRows } = require('./lazy-rows');
const { createPrng, deriveSeed } = require('./prng');
const { contextUrl, shapeEntity } = require('./odata-responses');
const { matchesSearch, sortRows } = require('./odata-query');
const { jsonResponse } = require('./http-io');
const { badArgument } = require('./errors');
const { keepsCallLog, versionBefore } = require('./version');

const CALL_LOG_ROUTE =
	'GET /ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom},periodTo={periodTo},sourceType={sourceType},' +
	'sourceFilter={sourceFilter},destinationType={destinationType},destinationFilter={destinationFilter},callsType={callsType},' +
	'callTimeFilterType={callTimeFilterType},callTimeFilterFrom={callTimeFilterFrom},callTimeFilterTo={callTimeFilterTo},hidePcalls={hidePcalls})';

/** Fields the call log gained in 20.0.6 (the CDR store); 20.0.4–20.0.5 rows lack them. */
const CDR_FIELDS = ['CallHistoryId', 'MainCallHistoryId', 'CdrId', 'CallType', 'SegmentId', 'SentimentScore', 'Summary', 'Transcription'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** "PT7.800879S", "PT1M7.800879S": .NET's ISO form of a TimeSpan, with fractions as 3CX sends them. */
function isoDuration(totalSeconds) {
	const hours = Math.floor(totalSeconds / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const seconds = +(totalSeconds % 60).toFixed(6);
	return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

function guid(seed, index) {
	const rng = createPrng(deriveSeed(seed ^ 0xcd7, index));
	const hex = (count) => Array.from({ length: count }, () => Math.floor(rng.next() * 16).toString(16)).join('');
	return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** 3CX writes call-log times with an explicit +00:00 offset. */
const utcText = (time) => new Date(time).toISOString().replace('Z', '+00:00');

function direction(row) {
	if (row.SrcExternal) return 'Inbound';
	return row.DstExternal ? 'Outbound' : 'Internal';
}

/** One call-log row from a CallHistoryView-shaped segment (the fake's call generator writes those). */
function fromSegment(segment, { cdrId, version, fraction = 0 }) {
	const talking = segment.CallAnswered ? (Date.parse(segment.SegmentEndTime) - Date.parse(segment.SegmentStartTime)) / 1000 + fraction : 0;
	const callId = Math.floor(segment.SrcParticipantId / 10) || segment.SegmentId;
	const callHistoryId = guid(0x5ca11, callId);
	const row = {
		ActionDnCallerId: segment.DstCallerNumber,
		ActionDnDisplayName: segment.DstDisplayName,
		actionDnDn: segment.DstDn,
		ActionDnType: segment.DstDnType,
		ActionType: segment.SegmentActionId,
		Answered: segment.CallAnswered,
		CallCost: 0,
		CallHistoryId: callHistoryId,
		CallId: callId,
		CallType: direction(segment),
		CdrId: cdrId,
		DestinationCallerId: segment.DstCallerNumber,
		DestinationDisplayName: segment.DstDisplayName,
		DestinationDn: segment.DstDn,
		DestinationType: segment.DstDnType,
		Direction: direction(segment),
		DstRecId: segment.DstRecId,
		Indent: segment.SegmentType === 1 ? 0 : 1,
		MainCallHistoryId: callHistoryId,
		QualityReport: false,
		Reason: segment.CallAnswered ? 'Answered' : 'NoAnswer',
		Recordings: [],
		RecordingUrl: null,
		RingingDuration: isoDuration(2 + fraction),
		SegmentId: segment.SegmentId,
		SentimentScore: null,
		SourceCallerId: segment.SrcCallerNumber,
		SourceDisplayName: segment.SrcDisplayName,
		SourceDn: segment.SrcDn,
		SourceType: segment.SrcDnType,
		SrcRecId: segment.SrcRecId,
		StartTime: utcText(Date.parse(segment.SegmentStartTime)),
		Status: segment.CallAnswered ? 'Answered' : 'Unanswered',
		SubrowDescNumber: 0,
		Summary: null,
		TalkingDuration: isoDuration(talking),
		Transcription: '',
	};
	return shapeFor(row, version);
}

/** "Fields vary between builds": Recordings only from 20.0.10, the CDR fields only from 20.0.6. */
function shapeFor(row, version) {
	if (versionBefore(version, '20.0.10')) delete row.Recordings;
	if (!keepsCallLog(version)) for (const field of CDR_FIELDS) delete row[field];
	return row;
}

/** Seeded call log: the calls since the upgrade, which follow the last CallHistoryView call by an hour. */
function createCallLog({ rows, seed, startTime, version, ...people }) {
	const segments = createCallHistory({ rows, seed: seed ^ 0xca11, startTime, ...people });
	const makeRow = (index) => {
		const fraction = createPrng(deriveSeed(seed, index)).int(0, 999999) / 1e6;
		return fromSegment(segments.at(index), { cdrId: guid(seed, index), version, fraction });
	};
	return new LazyRows(rows, makeRow, { orderedBy: ['StartTime'] });
}

/** The rows GetCallLogData reads: the call log from 20.0.6, CallHistoryView (re-shaped) before. */
function callLogSource(ctx) {
	if (keepsCallLog(ctx.config.version)) return ctx.state.CallLog;
	const history = ctx.state.CallHistoryView;
	return { length: history.length, at: (index) => fromSegment(history.at(index), { cdrId: null, version: ctx.config.version }) };
}

const isDate = (value) => value !== null && typeof value === 'object' && typeof value.time === 'number';
const UTC_OFFSET = /(Z|[+-]00:00)$/i;
const TIME_OF_DAY = /^\d{1,2}:\d{2}:\d{1,2}$/;

/** Checks the 11 arguments as 3CX types them; a mismatch is 3CX's bare 500. */
function readArguments(literals) {
	const argument = (name, ok) => {
		const value = literals[name];
		if (!ok(value)) throw badArgument(name, isDate(value) ? value.text : value);
		return value;
	};
	const period = (name) => argument(name, (v) => isDate(v) && !Number.isNaN(v.time) && UTC_OFFSET.test(v.text)).time;
	const integer = (name) => argument(name, Number.isInteger);
	const text = (name) => argument(name, (v) => v === null || typeof v === 'string') ?? '';
	return {
		from: period('periodFrom'),
		to: period('periodTo'),
		sourceType: integer('sourceType'),
		sourceFilter: text('sourceFilter'),
		destinationType: integer('destinationType'),
		destinationFilter: text('destinationFilter'),
		callsType: integer('callsType'),
		callTimeFilterType: integer('callTimeFilterType'),
		// Empty is refused: 3CX parses them as times of day ('0:00:0' is "no limit").
		callTimeFilterFrom: argument('callTimeFilterFrom', (v) => typeof v === 'string' && TIME_OF_DAY.test(v)),
		callTimeFilterTo: argument('callTimeFilterTo', (v) => typeof v === 'string' && TIME_OF_DAY.test(v)),
		hidePcalls: argument('hidePcalls', (v) => typeof v === 'boolean'),
	};
}

/** Rows of the period the arguments select: an empty filter or type 0 selects all. */
function selects(args) {
	const party = (filter, ...values) => filter === '' || values.some((value) => value === filter);
	return (row) => {
		const start = Date.parse(row.StartTime);
		if (!(start >= args.from && start < args.to)) return false;
		if (!party(args.sourceFilter, row.SourceDn, row.SourceCallerId)) return false;
		if (!party(args.destinationFilter, row.DestinationDn, row.DestinationCallerId)) return false;
		if (args.callsType === 1) return row.Answered === true;
		if (args.callsType === 2) return row.Answered !== true;
		return true;
	};
}

/** What the proxy in front of 3CX answers when the report query runs too long. */
function gatewayTimeout() {
	const html = '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
	return { status: 504, headers: { 'Content-Type': 'text/html' }, body: html };
}

function getCallLogData(ctx) {
	const args = readArguments(ctx.literals);
	if (args.to - args.from > ctx.config.callLogMaxRangeDays * DAY_MS) return gatewayTimeout();
	const options = ctx.queryOptions();
	const source = callLogSource(ctx);
	const inPeriod = selects(args);
	let rows = [];
	for (let i = 0; i < source.length; i++) {
		const row = source.at(i);
		if (inPeriod(row)) rows.push(row);
	}
	// Without $orderby the report lists the newest call first.
	rows = options.orderBy.length > 0 ? sortRows(rows, options.orderBy) : sortRows(rows, [{ path: ['StartTime'], descending: true }]);
	// Live PBXs page first and filter the page afterwards; @odata.count counts what is left of it.
	const page = rows.slice(options.skip, options.top === null ? undefined : options.skip + options.top);
	const value = page.filter((row) => (!options.filter || options.filter(row)) && (!options.search || matchesSearch(row, options.search)));
	const payload = { '@odata.context': contextUrl(ctx, 'Collection(Pbx.CallLogData)', options.select) };
	if (options.count) payload['@odata.count'] = value.length;
	payload.value = value.map((row) => shapeEntity(row, undefined, ctx.state, options));
	return jsonResponse(200, payload);
}

/**
 * A call as the PBX writes it when it ends: to the call log from 20.0.6, to CallHistoryView before.
 * `call` names the parties and times in neutral terms; any other field is written as given.
 * @param {import('./entity-store').PbxStore} store
 * @param {{ version: string, seed: number }} config
 * @param {{ from?: string, to?: string, startTime?: string, seconds?: number, answered?: boolean } & Record<string, unknown>} call
 */
function addCall(store, config, { from = '100', to = '101', startTime, seconds = 30, answered = true, ...fields } = {}) {
	const start = startTime === undefined ? Date.now() : Date.parse(startTime);
	if (Number.isNaN(start)) throw new Error(`addCall: startTime '${startTime}' is not a date`);
	const history = store.state.CallHistoryView;
	const segment = {
		SegmentStartTime: new Date(start).toISOString(),
		SegmentEndTime: new Date(start + seconds * 1000).toISOString(),
		CallAnswered: answered,
		CallTime: answered ? isoDuration(seconds) : 'PT0S',
		SrcDn: from,
		SrcCallerNumber: from,
		SrcDisplayName: from,
		DstDn: to,
		DstCallerNumber: to,
		DstDisplayName: to,
	};
	if (!keepsCallLog(config.version)) return store.add('CallHistoryView', { ...segment, ...fields });

	const log = store.state.CallLog;
	const index = log.length;
	const segmentId = history.length + index + 1;
	const built = store.build('CallHistoryView', { SegmentId: segmentId, SrcParticipantId: segmentId * 10, ...segment });
	const row = { ...fromSegment(built, { cdrId: guid(config.seed ^ 0xadd, index), version: config.version }), ...fields };
	log.push(row);
	return row;
}

module.exports = { CALL_LOG_ROUTE, getCallLogData, createCallLog, addCall, isoDuration };
