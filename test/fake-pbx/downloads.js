'use strict';
// Download*/Export* functions. The spec declares JSON for all of them, but a
// real PBX answers files: CSV exports (honouring $filter/$orderby/$select/
// $top/$skip), WAV audio, XML trunk exports and ZIP backups.
const { runQuery } = require('./odata-query');
const { fileResponse } = require('./http-io');
const { toCsv, columnsOf, makeWav, makeZip, contentDisposition } = require('./files');
const { entitySetDef } = require('./entity-sets');
const { notFound, invalidValue, fieldError } = require('./errors');

// Exactly as live PBXs answer Users/Pbx.ExportExtensions() and the other CSV exports.
const CSV = 'text/csv; charset=UTF-8';
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * CSV of a queried collection. Columns are $select or every property except
 * navigation ones; with clientTimeZone, timestamps are local wall-clock times.
 */
function csvExport(ctx, source, filename, { navigation = {}, timeZone } = {}) {
	const options = ctx.queryOptions();
	const { rows } = runQuery(source, options);
	const columns = options.select ?? columnsOf(rows.length > 0 ? rows : [{}]).filter((c) => !(c in navigation));
	const format = timeZone ? localTimeFormatter(timeZone) : (value) => value;
	return fileResponse(toCsv(rows, columns, format), CSV, contentDisposition(filename));
}

/** Formats ISO timestamps as "yyyy-MM-dd HH:mm:ss" in the given IANA zone. */
function localTimeFormatter(timeZone) {
	let formatter;
	try {
		formatter = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
	} catch {
		throw invalidValue('clientTimeZone');
	}
	return (value) => {
		if (typeof value !== 'string' || !ISO_DATETIME.test(value)) return value;
		const time = Date.parse(value);
		if (Number.isNaN(time)) return value;
		const parts = Object.fromEntries(formatter.formatToParts(new Date(time)).map((p) => [p.type, p.value]));
		return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
	};
}

/** Greetings answer audio/wav; recordings audio/x-wav, as live PBXs send them. */
function wavResponse(filename, seed, contentType = 'audio/wav') {
	const audio = makeWav({ frequency: 300 + (seed % 10) * 50 });
	return fileResponse(audio, contentType, contentDisposition(filename));
}

function recordingFileName(recording) {
	return String(recording.RecordingUrl || `${recording.Id}.wav`).split('/').pop();
}

function trunkXml(trunk) {
	const escape = (text) => String(text ?? '').replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<TrunkExport>',
		`  <Number>${escape(trunk.Number)}</Number>`,
		`  <Name>${escape(trunk.Gateway?.Name)}</Name>`,
		`  <Host>${escape(trunk.Gateway?.Host)}</Host>`,
		`  <Port>${escape(trunk.Gateway?.Port)}</Port>`,
		`  <AuthID>${escape(trunk.AuthID)}</AuthID>`,
		`  <ExternalNumber>${escape(trunk.ExternalNumber)}</ExternalNumber>`,
		'  <DidNumbers>',
		...(trunk.DidNumbers || []).map((did) => `    <Did>${escape(did)}</Did>`),
		'  </DidNumbers>',
		'</TrunkExport>',
		'',
	].join('\n');
}

/** @type {Array<[string, (ctx: object) => import('./http-io').PbxResponse]>} */
const DOWNLOAD_ROUTES = [
	['GET /CallHistoryView/Pbx.DownloadCallHistory()', (ctx) => csvExport(ctx, ctx.state.CallHistoryView, 'CallHistory.csv')],
	[
		'GET /ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone={clientTimeZone})',
		(ctx) => csvExport(ctx, ctx.state.ChatHistoryView, 'ChatHistory.csv', { timeZone: ctx.params.clientTimeZone }),
	],
	[
		'GET /ChatMessagesHistoryView/Pbx.DownloadChatMessagesHistory(clientTimeZone={clientTimeZone})',
		(ctx) => csvExport(ctx, ctx.state.ChatMessagesHistoryView, 'ChatMessagesHistory.csv', { timeZone: ctx.params.clientTimeZone }),
	],
	['GET /EventLogs/Pbx.DownloadEventLogs()', (ctx) => csvExport(ctx, ctx.state.EventLogs, 'EventLogs.csv')],
	[
		'GET /ReportAuditLog/Pbx.DownloadAuditLog(clientTimeZone={clientTimeZone})',
		(ctx) => csvExport(ctx, ctx.state.AuditLog, 'AuditLog.csv', { timeZone: ctx.params.clientTimeZone }),
	],
	[
		'GET /Users/Pbx.ExportExtensions()',
		(ctx) => csvExport(ctx, ctx.state.Users, 'Extensions.csv', { navigation: entitySetDef('Users').navigation }),
	],
	['GET /Contacts/Pbx.ExportContacts()', (ctx) => csvExport(ctx, ctx.state.Contacts, 'Contacts.csv')],
	[
		'GET /Recordings/Pbx.DownloadRecording(recId={recId})',
		(ctx) => {
			const recording = ctx.store.findByKey('Recordings', ctx.params.recId);
			if (!recording) throw notFound('recId');
			// A recording whose file is gone (no RecordingUrl) answers FILE_NOT_FOUND, as live PBXs do.
			if (!recording.RecordingUrl) throw fieldError(404, 'recId', 'FILE_NOT_FOUND');
			return wavResponse(recordingFileName(recording), recording.Id, 'audio/x-wav');
		},
	],
	[
		'GET /Recordings/Pbx.DownloadRecordingByName(recName={recName})',
		(ctx) => {
			const name = String(ctx.params.recName);
			const recording = ctx.store.find('Recordings', (r) => r.RecordingUrl === name || recordingFileName(r) === name);
			if (!recording) throw notFound('recName');
			return wavResponse(recordingFileName(recording), recording.Id, 'audio/x-wav');
		},
	],
	[
		'GET /Users/Pbx.DownloadGreeting(userId={userId},fileName={fileName})',
		(ctx) => {
			const user = ctx.store.findByKey('Users', ctx.params.userId);
			if (!user) throw notFound('userId');
			const greeting = (user.Greetings || []).find((g) => g.Filename === ctx.params.fileName);
			if (!greeting) throw notFound('fileName');
			return wavResponse(greeting.Filename, user.Id);
		},
	],
	[
		'GET /Trunks({Id})/Pbx.ExportTrunk()',
		(ctx) => {
			const trunk = ctx.store.findByKey('Trunks', ctx.key);
			if (!trunk) throw notFound('Id');
			return fileResponse(trunkXml(trunk), 'application/xml; charset=utf-8', contentDisposition(`trunk_${trunk.Number}.xml`));
		},
	],
	// Not in the 3CX specs: XAPI lists backups (with a DownloadLink) but has no
	// download function. This stand-in gives tests a ZIP to receive.
	[
		'GET /Backups/Pbx.DownloadBackup(fileName={fileName})',
		(ctx) => {
			const backup = ctx.store.findByKey('Backups', ctx.params.fileName);
			if (!backup) throw notFound('fileName');
			const info = `3CX backup (fake)\r\nFile: ${backup.FileName}\r\nCreated: ${backup.CreationTime}\r\n`;
			const zip = makeZip([{ name: 'backup-info.txt', data: info }], new Date(Date.parse(backup.CreationTime) || Date.now()));
			return fileResponse(zip, 'application/zip', contentDisposition(backup.FileName));
		},
	],
];

module.exports = { DOWNLOAD_ROUTES };
