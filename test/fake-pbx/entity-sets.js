'use strict';
// What each XAPI entity set and singleton supports, as declared in the 3CX
// specs 20.0.4–20.0.10: key property, alternate keys, allowed operations and
// navigation properties (which OData leaves out unless $expand asks for them).

const { fieldError } = require('./errors');

const ALL_OPS = ['list', 'get', 'create', 'update', 'delete'];

// Extensions, queues, ring groups … are all "DNs": they share one Id sequence
// and one number plan, so a queue cannot take the number of a user.
const DN_SETS = ['Users', 'Queues', 'RingGroups', 'Receptionists', 'CallFlowApps', 'Trunks', 'Parkings', 'Fax'];

const stored = (name) => (entity) => entity[name] ?? [];

/** Members of a group: every DN whose Groups list names it. */
function groupMembers(group, state) {
	const members = [];
	for (const setName of DN_SETS) {
		for (const dn of state[setName]) {
			const entry = (dn.Groups || []).find((g) => g.GroupId === group.Id);
			if (!entry) continue;
			members.push({
				Id: dn.Id,
				GroupId: group.Id,
				Name: dn.DisplayName ?? dn.Name ?? dn.Number,
				Number: dn.Number,
				MemberName: dn.DisplayName ?? dn.Name ?? dn.Number,
				Type: setName === 'Users' ? 'Extension' : setName.replace(/s$/, ''),
				CanDelete: !group.IsDefault,
				Rights: entry.Rights ?? { RoleName: 'users' },
			});
		}
	}
	return members;
}

/** Every route of an outbound rule names a trunk of this PBX (or none). */
function routesUseKnownTrunks(fields, state) {
	for (const route of Array.isArray(fields.Routes) ? fields.Routes : []) {
		const trunkId = route?.TrunkId;
		if (trunkId === undefined || trunkId === null) continue;
		if (!state.Trunks.some((trunk) => trunk.Id === trunkId)) throw fieldError(400, 'TrunkId', 'NOT_FOUND');
	}
}

/**
 * @typedef {{
 *   type: string,
 *   key: string | null,
 *   alternateKeys?: string[],
 *   ops: string[],
 *   dn?: boolean,
 *   uniqueFields?: string[],
 *   navigation?: Record<string, (entity: object, state: object) => unknown>,
 *   numbers?: { first: number, prefix?: string },
 *   auditType?: number,
 *   listing?: import('./odata-responses').Listing,
 *   check?: (fields: object, state: object) => void,
 * }} EntitySetDef
 */

/** @type {Record<string, EntitySetDef>} */
const ENTITY_SETS = {
	Users: {
		type: 'Pbx.User',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 100 },
		navigation: { Groups: stored('Groups'), ForwardingProfiles: stored('ForwardingProfiles'), Greetings: stored('Greetings') },
		auditType: 1,
	},
	Groups: {
		type: 'Pbx.Group',
		key: 'Id',
		ops: ALL_OPS,
		uniqueFields: ['Name', 'Number'],
		navigation: { Members: groupMembers, Rights: stored('Rights') },
		auditType: 2,
	},
	Queues: {
		type: 'Pbx.Queue',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 800 },
		navigation: { Agents: stored('Agents'), Managers: stored('Managers') },
		auditType: 3,
	},
	RingGroups: {
		type: 'Pbx.RingGroup',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 700 },
		navigation: { Members: stored('Members') },
		auditType: 4,
	},
	Receptionists: {
		type: 'Pbx.Receptionist',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 600 },
		navigation: { Forwards: stored('Forwards') },
		auditType: 5,
	},
	CallFlowApps: {
		type: 'Pbx.CallFlowApp',
		key: 'Id',
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 850 },
		auditType: 6,
	},
	Trunks: {
		type: 'Pbx.Trunk',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 10000 },
		auditType: 7,
	},
	Parkings: {
		type: 'Pbx.Parking',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 0, prefix: 'SP' },
		navigation: { Groups: stored('Groups') },
		auditType: 8,
	},
	Fax: {
		type: 'Pbx.Fax',
		key: 'Id',
		alternateKeys: ['Number'],
		ops: ALL_OPS,
		dn: true,
		numbers: { first: 880 },
		auditType: 9,
	},
	Contacts: { type: 'Pbx.Contact', key: 'Id', ops: ALL_OPS, auditType: 10 },
	// A route through a trunk the PBX lacks is refused with NOT_FOUND on TrunkId, as live PBXs do.
	OutboundRules: { type: 'Pbx.OutboundRule', key: 'Id', ops: ALL_OPS, auditType: 12, check: routesUseKnownTrunks },
	Backups: { type: 'Pbx.Backups', key: 'FileName', ops: ['list', 'delete'], auditType: 11 },
	Recordings: { type: 'Pbx.Recording', key: 'Id', ops: ['list'] },
	ActiveCalls: { type: 'Pbx.ActiveCall', key: 'Id', ops: ['list'] },
	EventLogs: { type: 'Pbx.EventLog', key: 'Id', ops: ['list'] },
	// Live PBXs page it with any $top and ignore $orderby: always oldest first.
	CallHistoryView: { type: 'Pbx.CallHistoryView', key: 'SegmentId', ops: ['list'], listing: { largeTop: true, ignoresOrderBy: true } },
	ChatHistoryView: { type: 'Pbx.ChatHistoryView', key: null, ops: ['list'] },
	ChatMessagesHistoryView: { type: 'Pbx.ChatMessagesHistoryView', key: 'MessageId', ops: ['list'] },
};

/**
 * Not an entity set in XAPI (only reachable through ReportAuditLog functions),
 * but stored like one so that records can be added the same way.
 */
const AUDIT_LOG = { type: 'Pbx.AuditLog', key: 'Id', ops: [] };

/** The call log of 20.0.6 and later (ReportCallLogData/Pbx.GetCallLogData), keyed by its CDR id. */
const CALL_LOG = { type: 'Pbx.CallLogData', key: 'CdrId', ops: [] };

/** @type {Record<string, { type: string, ops: string[], navigation?: Record<string, Function>, live?: Function }>} */
const SINGLETONS = {
	NotificationSettings: { type: 'Pbx.NotificationSettings', ops: ['get', 'update'] },
	SystemStatus: {
		type: 'Pbx.SystemStatus',
		ops: ['get'],
		// Counters follow the data, so tests that add users or calls see them move.
		live: (state) => ({
			ExtensionsTotal: state.Users.length,
			UserExtensions: state.Users.length,
			ExtensionsRegistered: state.Users.filter((u) => u.IsRegistered).length,
			TrunksTotal: state.Trunks.length,
			TrunksRegistered: state.Trunks.filter((t) => t.IsOnline).length,
			CallsActive: state.ActiveCalls.length,
		}),
	},
	Defs: {
		type: 'Pbx.Defs',
		ops: ['get'],
		navigation: {
			Codecs: stored('Codecs'),
			TimeZones: stored('TimeZones'),
			GatewayParameters: stored('GatewayParameters'),
			GatewayParameterValues: stored('GatewayParameterValues'),
		},
	},
	ChatLogSettings: { type: 'Pbx.ChatLogSettings', ops: ['get', 'update'] },
	LoggingSettings: { type: 'Pbx.LoggingSettings', ops: ['get', 'update'] },
};

function entitySetDef(name) {
	if (name === 'AuditLog') return AUDIT_LOG;
	if (name === 'CallLog') return CALL_LOG;
	return Object.prototype.hasOwnProperty.call(ENTITY_SETS, name) ? ENTITY_SETS[name] : undefined;
}

function singletonDef(name) {
	return Object.prototype.hasOwnProperty.call(SINGLETONS, name) ? SINGLETONS[name] : undefined;
}

module.exports = { ENTITY_SETS, DN_SETS, entitySetDef, singletonDef };
