import { appendOnlyEvent } from './appendOnly';

export const chatMessage = appendOnlyEvent({
	option: {
		name: 'New Chat Message',
		value: 'chatMessage',
		description: 'A chat message was sent in any conversation. Needs the System Owner role.',
	},
	source: { path: '/ChatMessagesHistoryView' },
	key: 'MessageId',
	stamp: 'LastChatMessageTimeSent',
});
