import { appendOnlyEvent } from './appendOnly';

export const chatConversation = appendOnlyEvent({
	option: {
		name: 'New Chat Conversation',
		value: 'chatConversation',
		description: 'A chat conversation (SMS, live chat, Facebook, internal…) began; emits its first message. Needs the System Owner role.',
	},
	source: { path: '/ChatHistoryView' },
	key: 'ConversationId',
	thenBy: 'TimeSent asc',
	stamp: 'LastChatMessageTimeSent',
	firstRowPerKey: true,
});
