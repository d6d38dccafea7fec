'use strict';
// Bound functions and actions (Pbx.*) that answer JSON, plus the few
// computed collections. Paths are written exactly as in the 3CX specs.
const { collectionResponse, entityResponse } = require('./odata-responses');
const { jsonResponse, emptyResponse } = require('./http-io');
const { ENTITY_SETS } = require('./entity-sets');
const { orderOf } = require('./odata-filter');
const { notFound, duplicate, fieldError, noRoute } = require('./errors');
const { versionBefore, keepsCallLog } = require('./version');
const { CALL_LOG_ROUTE, getCallLogData } = require('./call-log');

/** Users/Pbx.GetByNumber(number='100') and its siblings (20.0.4–20.0.7). */
function getByNumber(setName) {
	return (ctx) => {
		const entity = ctx.store.findByProperty(setName, 'Number', ctx.params.number);
		if (!entity) throw notFound('number');
		return entityResponse(ctx, setName, entity, ENTITY_SETS[setName].navigation);
	};
}

function firstAvailableNumber(setName) {
	return (ctx) =>
		entityResponse(ctx, 'Pbx.FirstAvailableNumber', { Number: ctx.store.firstFreeNumber(setName) }, undefined, { suffix: '' });
}

/** Latest value of `field` in a collection; O(1) when the rows are kept in that order. */
function latest(rows, field) {
	if (rows.length === 0) return null;
	if (rows.orderedBy?.has(field)) return rows.at(-1)[field];
	let best = null;
	for (let i = 0; i < rows.length; i++) {
		const value = rows.at(i)[field];
		if (value !== null && value !== undefined && (best === null || orderOf(value, best) > 0)) best = value;
	}
	return best;
}

function laterOf(a, b) {
	if (a === null) return b;
	if (b === null) return a;
	return orderOf(a, b) >= 0 ? a : b;
}

/** The inbound-rules report: one row per DID of every trunk, routed to the first receptionist. */
function inboundRules(state) {
	const target = state.Receptionists[0];
	const destination = target ? { To: 'IVR', Number: target.Number, Name: target.Name ?? target.Number } : null;
	let id = 0;
	return state.Trunks.flatMap((trunk) =>
		(trunk.DidNumbers || []).map((did) => ({
			Id: ++id,
			DID: did,
			RuleName: `DID ${did}`,
			Trunk: trunk.Gateway?.Name ?? trunk.Number,
			InOfficeRouting: destination,
			OutOfficeRouting: destination,
		})),
	);
}

/** @type {Array<[string, (ctx: object) => import('./http-io').PbxResponse]>} */
const FUNCTION_ROUTES = [
	['GET /Users/Pbx.GetMonitorStatus()', (ctx) => collectionResponse(ctx, 'Collection(Pbx.MonitoringState)', ctx.state.MonitorStatus)],
	[
		'POST /Users({Id})/Pbx.SetMonitorStatus',
		(ctx) => {
			const user = ctx.store.findByKey('Users', ctx.key);
			if (!user) throw notFound('Id');
			const days = Number(ctx.body().days ?? 0);
			ctx.state.MonitorStatus = ctx.state.MonitorStatus.filter((entry) => entry.DN !== user.Number);
			if (days > 0) ctx.state.MonitorStatus.push({ DN: user.Number, Expiration: Math.floor(Date.now() / 1000) + days * 86400 });
			return emptyResponse(204);
		},
	],
	...['Users', 'Queues', 'RingGroups', 'Receptionists', 'Parkings', 'Fax'].map((setName) => [
		`GET /${setName}/Pbx.GetByNumber(number={number})`,
		getByNumber(setName),
	]),
	['GET /Trunks/Pbx.GetTrunkByNumber(number={number})', getByNumber('Trunks')],
	['GET /Users/Pbx.GetFirstAvailableExtensionNumber()', firstAvailableNumber('Users')],
	['GET /Queues/Pbx.GetFirstAvailableQueueNumber()', firstAvailableNumber('Queues')],
	['GET /RingGroups/Pbx.GetFirstAvailableRingGroupNumber()', firstAvailableNumber('RingGroups')],
	['GET /Receptionists/Pbx.GetFirstAvailableReceptionistNumber()', firstAvailableNumber('Receptionists')],
	['GET /Trunks/Pbx.GetFirstAvailableTrunkNumber()', firstAvailableNumber('Trunks')],
	[
		'POST /Users/Pbx.MakeCall',
		(ctx) => {
			const { dn, destination } = ctx.body();
			const user = ctx.store.findByProperty('Users', 'Number', dn);
			if (!user) throw fieldError(400, 'dn', 'NOT_FOUND');
			if (!destination) throw fieldError(400, 'destination', 'REQUIRED');
			const call = ctx.store.add('ActiveCalls', { Caller: `${user.Number} ${user.DisplayName}`, Callee: String(destination), Status: 'Routing' });
			return jsonResponse(200, {
				'@odata.context': `${ctx.serviceRoot}/$metadata#Pbx.CallControlResultResponse`,
				FinalStatus: 'Success',
				Reason: 'NoError',
				ReasonText: '',
				Result: { Id: call.Id, CallId: call.Id, LegId: 1, DN: user.Number, PartyDn: String(destination), PartyCallerId: String(destination), PartyCallerName: '', PartyDnType: 'None', DeviceId: '', DirectControl: false, Status: 'Dialing' },
			});
		},
	],
	[
		'POST /Users/Pbx.BatchDelete',
		(ctx) => {
			const errors = [];
			for (const id of ctx.body().ids ?? []) {
				const user = ctx.store.findByKey('Users', id);
				if (user) ctx.store.remove('Users', user, ctx.actor);
				else errors.push({ Error: 'WARNINGS.XAPI.NOT_FOUND', ExtensionNumber: String(id) });
			}
			return jsonResponse(200, { '@odata.context': `${ctx.serviceRoot}/$metadata#Collection(Pbx.UserDeleteError)`, value: errors });
		},
	],
	[
		'POST /ActiveCalls({Id})/Pbx.DropCall',
		(ctx) => {
			const call = ctx.store.findByKey('ActiveCalls', ctx.key);
			if (!call) throw notFound('Id');
			ctx.store.rows('ActiveCalls').splice(ctx.store.rows('ActiveCalls').indexOf(call), 1);
			return emptyResponse(200);
		},
	],
	[
		'POST /EventLogs/Pbx.PurgeEventLog',
		(ctx) => {
			ctx.state.EventLogs.length = 0;
			return emptyResponse(204);
		},
	],
	[CALL_LOG_ROUTE, getCallLogData],
	['GET /ReportInboundRules/Pbx.GetInboundRulesData()', (ctx) => collectionResponse(ctx, 'Collection(Pbx.InboundRuleReport)', inboundRules(ctx.state))],
	['GET /ReportAuditLog/Pbx.GetAuditLogData()', (ctx) => collectionResponse(ctx, 'Collection(Pbx.AuditLog)', ctx.state.AuditLog)],
	[
		'POST /Backups/Pbx.Backup',
		(ctx) => {
			const name = ctx.body().description?.Name;
			if (!name) throw fieldError(400, 'Name', 'REQUIRED');
			const fileName = /\.zip$/i.test(name) ? name : `${name}.zip`;
			if (ctx.store.findByKey('Backups', fileName)) throw duplicate('Name');
			ctx.store.add('Backups', { FileName: fileName });
			return emptyResponse(204);
		},
	],
	[
		'GET /Defs/Pbx.GetSystemParameters()',
		(ctx) => entityResponse(ctx, 'Pbx.SystemParameters', ctx.state.SystemParameters, undefined, { suffix: '' }),
	],
	[
		// A one-row entity set (20.0.7+): pollers compare it to skip fetching history.
		'GET /LastCdrAndChatMessageTimestamp',
		(ctx) => {
			if (versionBefore(ctx.config.version, '20.0.7')) throw noRoute('GET', '/xapi/v1/LastCdrAndChatMessageTimestamp');
			const chat = laterOf(latest(ctx.state.ChatMessagesHistoryView, 'TimeSent'), latest(ctx.state.ChatHistoryView, 'TimeSent'));
			const cdr = keepsCallLog(ctx.config.version) ? latest(ctx.state.CallLog, 'StartTime') : null;
			const row = { LastCdrStartedAt: cdr ?? latest(ctx.state.CallHistoryView, 'SegmentStartTime'), LastChatMessageTimeSent: chat };
			return collectionResponse(ctx, 'LastCdrAndChatMessageTimestamp', [row]);
		},
	],
];

module.exports = { FUNCTION_ROUTES };
