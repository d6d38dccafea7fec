'use strict';
// Complete entities with 3CX's field names (Pbx.User, Pbx.Queue, …). Seeding
// and POST both go through here, so a created record looks like a seeded one;
// fields given by the caller always win over the defaults.

const ROLE_USER = 'users';

/** A DN's membership entry as listed in Users({Id})/Groups. */
function membership(group, member, roleName = ROLE_USER) {
	return {
		Id: member.Id,
		GroupId: group.Id,
		Name: group.Name,
		Number: group.Number,
		Type: 'Extension',
		CanDelete: !group.IsDefault,
		Rights: { RoleName: roleName },
	};
}

const FORWARDING_PROFILE_NAMES = ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'];

function forwardingProfiles() {
	return FORWARDING_PROFILE_NAMES.map((Name, index) => ({
		Id: index + 1,
		Name,
		CustomName: '',
		CustomMessage: '',
		AcceptMultipleCalls: false,
		BlockPushCalls: false,
		DisableRingGroupCalls: false,
		NoAnswerTimeout: 20,
		OfficeHoursAutoQueueLogOut: false,
		RingMyMobile: false,
	}));
}

const DEFAULTS = {
	Users(f, rng, ctx) {
		const displayName = [f.FirstName, f.LastName].filter(Boolean).join(' ');
		return {
			Id: f.Id,
			Number: f.Number,
			FirstName: '',
			LastName: '',
			DisplayName: displayName,
			EmailAddress: '',
			Mobile: '',
			OutboundCallerID: '',
			Enabled: true,
			Internal: false,
			IsRegistered: false,
			Language: 'EN',
			PromptSet: '',
			PrimaryGroupId: ctx.defaultGroup ? ctx.defaultGroup.Id : 0,
			QueueStatus: 'LoggedOut',
			CurrentProfileName: 'Available',
			AuthID: rng.digits(10),
			AuthPassword: rng.digits(10),
			SIPID: '',
			VMEnabled: true,
			VMPIN: rng.digits(4),
			VMPlayCallerID: false,
			VMDisablePinAuth: false,
			RecordCalls: false,
			RecordExternalCallsOnly: false,
			AllowOwnRecordings: false,
			AllowLanOnly: true,
			CallScreening: false,
			EnableHotdesking: false,
			Enable2FA: false,
			Require2FA: false,
			HideInPhonebook: false,
			PinProtected: false,
			PinProtectTimeout: 0,
			SendEmailMissedCalls: true,
			ClickToCallId: `${f.Number}`,
			WebMeetingFriendlyName: `${(displayName || String(f.Number)).toLowerCase().replace(/[^a-z0-9]+/g, '')}`,
			TranscriptionMode: 'Inherit',
			Tags: [],
			Phones: [],
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
			ForwardingProfiles: forwardingProfiles(),
			Greetings: [],
		};
	},

	Groups(f) {
		return {
			Id: f.Id,
			Number: f.Number,
			Name: '',
			IsDefault: false,
			Language: 'EN',
			TimeZoneId: '51',
			AllowCallService: true,
			AnswerAfter: 0,
			CurrentGroupHours: 'Default',
			CustomPrompt: '',
			DisableCustomPrompt: false,
			GloballyVisible: false,
			HasMembers: false,
			LastLoginTime: null,
			MusicOnHold: '',
			OverrideExpiresAt: null,
			OverrideHolidays: false,
			PromptSet: '',
			TranscriptionMode: 'Nothing',
			CallHandlingMode: [],
			OfficeHolidays: [],
			Rights: [{ RoleName: 'system_owners' }, { RoleName: 'admins' }, { RoleName: 'users' }],
		};
	},

	Queues(f, rng, ctx) {
		return {
			Id: f.Id,
			Number: f.Number,
			Name: '',
			PollingStrategy: 'Hunt',
			RingTimeout: 20,
			MasterTimeout: 300,
			WrapUpTime: 0,
			SLATime: 60,
			MaxCallersInQueue: 10,
			AnnounceQueuePosition: false,
			AnnouncementInterval: 60,
			AnnounceEstimatedWaitTime: false,
			CallbackEnableTime: 0,
			CallbackPrefix: '',
			EnableIntro: false,
			GreetingFile: '',
			IntroFile: '',
			OnHoldFile: '',
			IsRegistered: true,
			PriorityQueue: false,
			PromptSet: '',
			Recording: 'Disable',
			TranscriptionMode: 'Inherit',
			AgentAvailabilityMode: false,
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
			Agents: [],
			Managers: [],
		};
	},

	RingGroups(f, rng, ctx) {
		return {
			Id: f.Id,
			Number: f.Number,
			Name: '',
			RingStrategy: 'RingAll',
			RingTime: 20,
			IsRegistered: true,
			GreetingFile: '',
			MulticastAddress: '',
			MulticastCodec: '',
			MulticastPacketTime: 20,
			MulticastPort: 0,
			VMEmailList: '',
			TranscriptionMode: 'Inherit',
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
			Members: [],
		};
	},

	Receptionists(f, rng, ctx) {
		return {
			Id: f.Id,
			Number: f.Number,
			Name: '',
			IVRType: 'Default',
			Timeout: 10,
			PromptFilename: '',
			PromptSet: '',
			InvalidKeyForwardDN: '',
			TimeoutForwardDN: '',
			TimeoutForwardType: 'EndCall',
			TimeoutForwardPeerType: 'None',
			TransferEnable: true,
			UseMSExchange: false,
			ForwardSmsTo: '',
			IsRegistered: true,
			TranscriptionMode: 'Inherit',
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
			Forwards: [],
		};
	},

	CallFlowApps(f, rng, ctx) {
		return {
			Id: f.Id,
			Number: f.Number,
			Name: '',
			RoutingType: 'DialCode',
			CompilationSucceeded: true,
			CompilationResult: '',
			CompilationLastSuccess: ctx.now(),
			InvalidScript: false,
			IsRegistered: true,
			RejectedCode: '',
			ScriptCode: '',
			TranscriptionMode: 'Inherit',
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
		};
	},

	Trunks(f, rng) {
		return {
			Id: f.Id,
			Number: f.Number,
			AuthID: rng.digits(8),
			AuthPassword: { Value: '' },
			Direction: 'Both',
			EnableInboundCalls: true,
			EnableOutboundCalls: true,
			ExternalNumber: '',
			DidNumbers: [],
			IsOnline: true,
			SimultaneousCalls: 10,
			OutboundCallerID: '',
			E164CountryCode: '49',
			E164ProcessIncomingNumber: false,
			DisableVideo: false,
			DisableCallTransfer: false,
			DiversionHeader: false,
			PublishInfo: false,
			ReceiveInfo: false,
			TunnelEnabled: false,
			UseSeparateAuthId: false,
			ConfigurationIssue: '',
			TranscriptionMode: 'Inherit',
			Gateway: {
				Id: f.Id,
				Name: `Trunk ${f.Number}`,
				Host: 'sip.example.net',
				Port: 5060,
				ProxyHost: '',
				ProxyPort: 5060,
				Type: 'Provider',
				Lines: 10,
				Internal: false,
				IsCustom: false,
				TemplateFilename: 'generic.pv.xml',
				Codecs: ['PCMA', 'PCMU', 'G722'],
			},
			Groups: [],
			Tags: [],
		};
	},

	Parkings(f) {
		return { Id: f.Id, Number: f.Number, TranscriptionMode: 'Inherit', Groups: [] };
	},

	Fax(f, rng, ctx) {
		return {
			Id: f.Id,
			Number: f.Number,
			AuthID: rng.digits(8),
			AuthPassword: rng.digits(10),
			FaxServer: false,
			OutboundCallerId: '',
			TranscriptionMode: 'Inherit',
			Groups: ctx.defaultGroup ? [membership(ctx.defaultGroup, f)] : [],
		};
	},

	OutboundRules(f) {
		return { Id: f.Id, Name: '', Prefix: '', Priority: f.Id, EmergencyRule: false, DNRanges: [], GroupIds: [], GroupNames: [], NumberLengthRanges: '', Routes: [] };
	},

	Contacts(f) {
		return {
			Id: f.Id,
			FirstName: '',
			LastName: '',
			CompanyName: '',
			Department: '',
			Title: '',
			Email: '',
			PhoneNumber: '',
			Business: '',
			Business2: '',
			BusinessFax: '',
			Home: '',
			Mobile2: '',
			Other: '',
			Pager: '',
			ContactType: '3CX',
			Tag: '',
		};
	},

	Backups(f, rng, ctx) {
		return {
			FileName: f.FileName,
			CreationTime: ctx.now(),
			Size: 1024 * rng.int(2000, 90000),
			DownloadLink: `/xapi/v1/Backups/Pbx.DownloadBackup(fileName='${encodeURIComponent(String(f.FileName).replace(/'/g, "''"))}')`,
		};
	},

	Recordings(f, rng, ctx) {
		return {
			Id: f.Id,
			FromDn: '',
			FromDisplayName: '',
			FromCallerNumber: '',
			FromDnType: 0,
			FromIdParticipant: null,
			FromDidNumber: '',
			FromCrmContact: '',
			ToDn: '',
			ToDisplayName: '',
			ToCallerNumber: '',
			ToDnType: 0,
			ToIdParticipant: null,
			ToDidNumber: '',
			ToCrmContact: '',
			StartTime: ctx.now(),
			EndTime: ctx.now(),
			CallType: 'Local',
			RecordingUrl: `recordings/${f.Id}.wav`,
			ArchivedUrl: null,
			IsArchived: false,
			CanBeTranscribed: true,
			IsTranscribed: false,
			Transcription: null,
			TranscriptionResult: null,
			Summary: null,
			SentimentScore: null,
			RefParticipantId: null,
		};
	},

	ActiveCalls(f, rng, ctx) {
		return { Id: f.Id, Caller: '', Callee: '', Status: 'Talking', EstablishedAt: ctx.now(), LastChangeStatus: ctx.now() };
	},

	EventLogs(f, rng, ctx) {
		return { Id: f.Id, EventId: 0, Group: 'System', GroupName: 'System', Source: 'PhoneSystem', Type: 'Info', Message: '', Params: [], TimeGenerated: ctx.now() };
	},

	AuditLog(f, rng, ctx) {
		return { Id: f.Id, Action: 0, ObjectType: 0, ObjectName: '', Source: 1, UserName: '', Ip: '127.0.0.1', PrevData: null, NewData: null, Timestamp: ctx.now() };
	},

	CallHistoryView(f, rng, ctx) {
		return {
			SegmentId: f.SegmentId,
			SegmentStartTime: ctx.now(),
			SegmentEndTime: f.SegmentStartTime || ctx.now(),
			SegmentType: 1,
			SegmentActionId: 1,
			CallAnswered: true,
			CallTime: 'PT0S',
			SrcDn: '',
			SrcDnType: 0,
			SrcDisplayName: '',
			SrcExtendedDisplayName: '',
			SrcCallerNumber: '',
			SrcExternal: false,
			SrcInternal: true,
			SrcId: 0,
			SrcParticipantId: 0,
			SrcRecId: null,
			DstDn: '',
			DstDnType: 0,
			DstDisplayName: '',
			DstExtendedDisplayName: '',
			DstCallerNumber: '',
			DstExternal: false,
			DstInternal: true,
			DstId: 0,
			DstParticipantId: 0,
			DstRecId: null,
		};
	},

	ChatHistoryView(f, rng, ctx) {
		return {
			ConversationId: 0,
			ChatName: '',
			FromName: '',
			FromNo: '',
			IsExternal: false,
			Message: '',
			ParticipantEmail: null,
			ParticipantIp: null,
			ParticipantPhone: null,
			ParticipantsGroupsArray: [],
			ProviderName: null,
			ProviderType: 'Internal',
			QueueNumber: null,
			Source: '',
			TimeSent: ctx.now(),
		};
	},

	ChatMessagesHistoryView(f, rng, ctx) {
		return {
			MessageId: f.MessageId,
			ConversationId: 0,
			IsExternal: false,
			Message: '',
			ParticipantsGroupsArray: [],
			QueueNumber: null,
			Recipients: '',
			SenderParticipantName: '',
			SenderParticipantNo: '',
			SenderParticipantEmail: null,
			SenderParticipantIp: null,
			SenderParticipantPbx: null,
			SenderParticipantPhone: null,
			TimeSent: ctx.now(),
		};
	},
};

/**
 * @param {string} setName entity set (or AuditLog)
 * @param {object} fields caller-supplied fields, including the key
 * @param {ReturnType<import('./prng').createPrng>} rng
 * @param {{ defaultGroup?: object, now: () => string }} ctx
 */
function makeEntity(setName, fields, rng, ctx) {
	const defaults = DEFAULTS[setName];
	return defaults ? { ...defaults(fields, rng, ctx), ...fields } : { ...fields };
}

module.exports = { makeEntity, membership };
