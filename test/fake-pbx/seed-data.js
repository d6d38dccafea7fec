'use strict';
// The PBX's initial content: a small company with 50 extensions, groups,
// queues, trunks, contacts and a history of calls, chats, recordings and
// events. Everything derives from the seed, and past records sit at fixed
// dates (from SEED_START) so tests can hard-code values; only "live" things
// (active calls, creation times of new records) use the real clock.
const { createPrng, deriveSeed, hashName } = require('./prng');
const { makeEntity, membership } = require('./entity-templates');
const { createCallHistory } = require('./call-history');
const { createCallLog } = require('./call-log');
const { keepsCallLog } = require('./version');
const { createSettings } = require('./seed-settings');
const { FIRST_NAMES, LAST_NAMES, COMPANIES, DEPARTMENTS, JOB_TITLES, CHAT_LINES, EVENT_MESSAGES } = require('./names');

const SEED_START = Date.UTC(2025, 0, 6, 8, 0, 0); // a Monday morning
const USER_COUNT = 50;

/**
 * @param {{ seed: number, callHistoryRows: number, callLogRows: number, version: string }} options
 */
function createSeedState({ seed, callHistoryRows, callLogRows, version }) {
	const rng = createPrng(seed);
	const entityRng = (setName, id) => createPrng(deriveSeed(seed, hashName(setName) + Number(id)));
	const at = (time) => ({ now: () => new Date(time).toISOString() });
	let nextDnId = 1;

	const Groups = [
		makeEntity('Groups', { Id: 1, Number: 'GRP0000', Name: 'DEFAULT', IsDefault: true, HasMembers: true }, rng, at(SEED_START)),
		makeEntity('Groups', { Id: 2, Number: 'GRP0001', Name: 'Sales', HasMembers: true }, rng, at(SEED_START)),
		makeEntity('Groups', { Id: 3, Number: 'GRP0002', Name: 'Support', HasMembers: true }, rng, at(SEED_START)),
	];
	const [defaultGroup, sales, support] = Groups;
	const ctx = { defaultGroup, now: () => new Date(SEED_START).toISOString() };

	const Users = [];
	for (let i = 0; i < USER_COUNT; i++) {
		const id = nextDnId++;
		const number = String(100 + i);
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		// i = 9 → O'Brien. The round number shifts the surname, so no two users share a name.
		const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length];
		const userRng = entityRng('Users', id);
		const user = makeEntity(
			'Users',
			{
				Id: id,
				Number: number,
				FirstName: first,
				LastName: last,
				EmailAddress: `${asciiMailbox(first)}.${asciiMailbox(last)}@example.com`,
				Mobile: `+4917${userRng.digits(8)}`,
				OutboundCallerID: `+4930123450${String(i).padStart(2, '0')}`,
				IsRegistered: userRng.chance(0.7),
				QueueStatus: i < 15 ? 'LoggedIn' : 'LoggedOut',
			},
			userRng,
			ctx,
		);
		const role = i === 0 ? 'system_owners' : i === 1 ? 'system_admins' : 'users';
		user.Groups = [membership(defaultGroup, user, role)];
		if (i < 10) user.Groups.push(membership(sales, user));
		else if (i < 20) user.Groups.push(membership(support, user));
		if (i === 0) user.Greetings = [{ DisplayName: 'Welcome', Filename: `greeting_${number}.wav`, Type: 'Default' }];
		Users.push(user);
	}
	const memberRef = (user) => ({ Id: user.Id, Name: user.DisplayName, Number: user.Number, Tags: [] });

	const dn = (setName, fields) => {
		const id = nextDnId++;
		return makeEntity(setName, { Id: id, ...fields }, entityRng(setName, id), ctx);
	};

	const Queues = [
		dn('Queues', { Number: '800', Name: 'Sales Queue', PollingStrategy: 'Hunt', Agents: Users.slice(0, 5).map((u) => ({ ...memberRef(u), SkillGroup: '1' })), Managers: [memberRef(Users[0])] }),
		dn('Queues', { Number: '801', Name: 'Support Queue', PollingStrategy: 'RingAll', Agents: Users.slice(10, 15).map((u) => ({ ...memberRef(u), SkillGroup: '1' })), Managers: [memberRef(Users[1])] }),
		dn('Queues', { Number: '802', Name: 'Billing Queue', PollingStrategy: 'LongestWaiting', Agents: Users.slice(20, 23).map((u) => ({ ...memberRef(u), SkillGroup: '1' })) }),
	];
	const RingGroups = [
		dn('RingGroups', { Number: '700', Name: 'Reception', RingStrategy: 'RingAll', Members: Users.slice(0, 3).map(memberRef) }),
		dn('RingGroups', { Number: '701', Name: 'Warehouse', RingStrategy: 'Hunt', Members: Users.slice(20, 24).map(memberRef) }),
	];
	const forward = (id, input, peer, peerType) => ({ Id: id, Input: input, ForwardDN: peer.Number, ForwardType: 'Extension', PeerType: peerType, CustomData: '' });
	const Receptionists = [
		dn('Receptionists', { Number: '600', Name: 'Main Menu', PromptFilename: 'main_menu.wav', TimeoutForwardDN: '700', TimeoutForwardType: 'Extension', TimeoutForwardPeerType: 'RingGroup', Forwards: [forward(1, '1', Queues[0], 'Queue'), forward(2, '2', Queues[1], 'Queue'), forward(3, '0', RingGroups[0], 'RingGroup')] }),
		dn('Receptionists', { Number: '601', Name: 'After Hours', PromptFilename: 'after_hours.wav', Timeout: 5 }),
	];
	const CallFlowApps = [
		dn('CallFlowApps', { Number: '850', Name: 'Holiday Router', RoutingType: 'DialCode' }),
		dn('CallFlowApps', { Number: '851', Name: 'CRM Lookup', RoutingType: 'Forward' }),
	];
	const Trunks = [
		dn('Trunks', { Number: '10000', ExternalNumber: '+4930123450', DidNumbers: ['+4930123450', '+4930123451', '+4930123452'], OutboundCallerID: '+4930123450' }),
		dn('Trunks', { Number: '10001', ExternalNumber: '+4940987650', DidNumbers: ['+4940987650'], OutboundCallerID: '+4940987650', IsOnline: false }),
	];
	Trunks[0].Gateway.Name = 'Provider SIP';
	Trunks[1].Gateway.Name = 'Backup SIP Trunk';
	const Parkings = [dn('Parkings', { Number: 'SP0' }), dn('Parkings', { Number: 'SP1' })];
	const Fax = [dn('Fax', { Number: '888', FaxServer: true, OutboundCallerId: '+4930123459' })];

	const Contacts = [];
	for (let i = 0; i < 40; i++) {
		const first = FIRST_NAMES[(i * 11 + 3) % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 13 + 5 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length];
		const company = COMPANIES[i % COMPANIES.length];
		Contacts.push(
			makeEntity('Contacts', {
				Id: i + 1,
				FirstName: first,
				LastName: last,
				CompanyName: company,
				Department: DEPARTMENTS[i % DEPARTMENTS.length],
				Title: JOB_TITLES[i % JOB_TITLES.length],
				Email: `${asciiMailbox(first)}.${asciiMailbox(last)}@${asciiMailbox(company).replace(/\W+/g, '')}.example`,
				PhoneNumber: `+49${rng.int(30, 89)}${rng.digits(7)}`,
				Business: `+49${rng.int(30, 89)}${rng.digits(7)}`,
				Mobile2: rng.chance(0.5) ? `+4915${rng.digits(8)}` : '',
				ContactType: i % 8 === 7 ? 'CRM' : '3CX',
			}, rng, ctx),
		);
	}

	const Backups = [
		makeEntity('Backups', { FileName: '3CXScheduledBackup_2025-01-05.zip' }, rng, at(Date.UTC(2025, 0, 5, 2, 0, 0))),
		makeEntity('Backups', { FileName: 'BeforeUpdate.zip' }, rng, at(Date.UTC(2025, 0, 2, 18, 30, 0))),
	];

	const users = Users;
	const Recordings = [];
	for (let i = 0; i < 30; i++) {
		const from = users[(i * 3) % users.length];
		const external = i % 3 === 0;
		const to = external ? null : users[(i * 5 + 1) % users.length];
		const start = SEED_START + i * 47 * 60 * 1000;
		const seconds = 20 + ((i * 37) % 400);
		const toNumber = to ? to.Number : `+49${30 + i}5550${100 + i}`;
		const stamp = new Date(start).toISOString().replace(/[-:T]/g, '').slice(0, 14);
		Recordings.push(
			makeEntity('Recordings', {
				Id: i + 1,
				FromDn: from.Number,
				FromDisplayName: from.DisplayName,
				FromCallerNumber: from.Number,
				FromDnType: 0,
				ToDn: to ? to.Number : '10000',
				ToDisplayName: to ? to.DisplayName : COMPANIES[i % COMPANIES.length],
				ToCallerNumber: toNumber,
				ToDnType: to ? 0 : 7,
				StartTime: new Date(start).toISOString(),
				EndTime: new Date(start + seconds * 1000).toISOString(),
				CallType: external ? 'OutboundExternal' : 'Local',
				RecordingUrl: `${from.Number}/[${from.DisplayName}]_${from.Number}-${toNumber}_${stamp}(${i + 1}).wav`,
				IsTranscribed: i % 4 === 0,
				Transcription: i % 4 === 0 ? 'Hello, this is a test call about the quarterly report.' : null,
				Summary: i % 4 === 0 ? 'Caller asked about the quarterly report.' : null,
				SentimentScore: i % 4 === 0 ? 3 + (i % 3) : null,
			}, rng, ctx),
		);
	}

	const { ChatHistoryView, ChatMessagesHistoryView } = seedChats(users, rng, ctx);

	const EventLogs = [];
	for (let i = 0; i < 80; i++) {
		const template = EVENT_MESSAGES[i % EVENT_MESSAGES.length];
		const subject = template.Group === 'Trunks' ? Trunks[i % Trunks.length].Number : users[i % users.length].Number;
		const params = [subject, `192.168.1.${20 + (i % 200)}`];
		EventLogs.push(
			makeEntity('EventLogs', {
				Id: i + 1,
				...template,
				GroupName: template.Group,
				Params: params,
				Message: template.Message.replace('{0}', params[0]).replace('{1}', params[1]),
				TimeGenerated: new Date(SEED_START + i * 23 * 60 * 1000).toISOString(),
			}, rng, ctx),
		);
	}

	const AuditLog = [];
	for (let i = 0; i < 40; i++) {
		const user = users[i % users.length];
		AuditLog.push(
			makeEntity('AuditLog', {
				Id: i + 1,
				Action: i % 3,
				ObjectType: 1,
				ObjectName: user.Number,
				Source: 1,
				UserName: users[0].DisplayName,
				Ip: '192.168.1.10',
				PrevData: i % 3 === 0 ? null : JSON.stringify({ Number: user.Number, Enabled: true }),
				NewData: i % 3 === 2 ? null : JSON.stringify({ Number: user.Number, Enabled: i % 2 === 0 }),
				Timestamp: new Date(SEED_START + i * 61 * 60 * 1000).toISOString(),
			}, rng, ctx),
		);
	}

	const now = Date.now();
	const ActiveCalls = [
		makeEntity('ActiveCalls', { Id: 1, Caller: `${users[0].Number} ${users[0].DisplayName}`, Callee: `${users[5].Number} ${users[5].DisplayName}`, Status: 'Talking' }, rng, at(now - 95_000)),
		makeEntity('ActiveCalls', { Id: 2, Caller: '+493055501234 Acme Logistics', Callee: `${Queues[0].Number} ${Queues[0].Name}`, Status: 'Routing' }, rng, at(now - 12_000)),
		makeEntity('ActiveCalls', { Id: 3, Caller: `${users[12].Number} ${users[12].DisplayName}`, Callee: '+494098765432', Status: 'Ringing' }, rng, at(now - 4_000)),
	];

	const OutboundRules = [
		makeEntity('OutboundRules', { Id: 1, Name: 'All calls', Routes: [{ TrunkId: Trunks[0].Id, TrunkName: Trunks[0].Number, StripDigits: 0, Prepend: '', Append: '', CallerID: '' }] }, rng, at(SEED_START)),
	];
	const people = { users, queues: Queues, receptionists: Receptionists, trunks: Trunks, companies: COMPANIES };
	const CallHistoryView = createCallHistory({ rows: callHistoryRows, seed, startTime: SEED_START, ...people });
	// The update to 20.0.6 came an hour after the last call in CallHistoryView; later calls are in the call log.
	const upgradedAt = (CallHistoryView.length > 0 ? Date.parse(CallHistoryView.at(-1).SegmentStartTime) : SEED_START) + 60 * 60 * 1000;
	const CallLog = createCallLog({ rows: keepsCallLog(version) ? callLogRows : 0, seed, startTime: upgradedAt, version, ...people });

	return {
		Users,
		Groups,
		Queues,
		RingGroups,
		Receptionists,
		CallFlowApps,
		Trunks,
		Parkings,
		Fax,
		Contacts,
		OutboundRules,
		Backups,
		Recordings,
		ActiveCalls,
		EventLogs,
		AuditLog,
		CallHistoryView,
		CallLog,
		ChatHistoryView,
		ChatMessagesHistoryView,
		MonitorStatus: [{ DN: users[3].Number, Expiration: Math.floor(now / 1000) + 86400 }],
		...createSettings({ version, lastBackup: Backups[0].CreationTime, seedStart: SEED_START }),
	};
}

function seedChats(users, rng, ctx) {
	const ChatHistoryView = [];
	const ChatMessagesHistoryView = [];
	let time = SEED_START + 5 * 60 * 1000;
	let messageId = 1;
	for (let conversation = 1; conversation <= 30; conversation++) {
		const external = conversation % 3 === 0;
		const agent = users[(conversation * 7) % users.length];
		const partner = external
			? { name: COMPANIES[conversation % COMPANIES.length], number: `+4915${rng.digits(8)}` }
			: { name: users[(conversation * 11 + 1) % users.length].DisplayName, number: users[(conversation * 11 + 1) % users.length].Number };
		const chatName = external ? partner.name : `${agent.DisplayName}, ${partner.name}`;
		const lines = 3 + (conversation % 3);
		for (let line = 0; line < lines; line++) {
			const fromAgent = line % 2 === 1;
			const sender = fromAgent ? { name: agent.DisplayName, number: agent.Number } : partner;
			const message = CHAT_LINES[(conversation + line) % CHAT_LINES.length];
			const timeSent = new Date(time).toISOString();
			ChatMessagesHistoryView.push(
				makeEntity('ChatMessagesHistoryView', {
					MessageId: messageId,
					ConversationId: conversation,
					IsExternal: external,
					Message: message,
					QueueNumber: external ? '801' : null,
					Recipients: fromAgent ? partner.name : agent.DisplayName,
					SenderParticipantName: sender.name,
					SenderParticipantNo: sender.number,
					SenderParticipantPhone: external && !fromAgent ? partner.number : null,
					TimeSent: timeSent,
				}, rng, ctx),
			);
			ChatHistoryView.push(
				makeEntity('ChatHistoryView', {
					ConversationId: conversation,
					ChatName: chatName,
					FromName: sender.name,
					FromNo: sender.number,
					IsExternal: external,
					Message: message,
					ParticipantPhone: external ? partner.number : null,
					ProviderName: external ? 'SMS Provider' : null,
					ProviderType: external ? 'SMS' : 'Internal',
					QueueNumber: external ? '801' : null,
					Source: external ? 'SMS' : '3CX',
					TimeSent: timeSent,
				}, rng, ctx),
			);
			messageId++;
			time += rng.int(10, 240) * 1000;
		}
		time += rng.int(5, 90) * 60 * 1000;
	}
	return { ChatHistoryView, ChatMessagesHistoryView };
}

function asciiMailbox(text) {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9&. -]/g, '')
		.replace(/\s+/g, '-');
}

module.exports = { createSeedState, SEED_START };
