import { activeCallEnded, activeCallStarted } from './activeCalls';
import { auditLog } from './auditLog';
import { callRecord } from './callRecord';
import { chatConversation } from './chatConversation';
import { chatMessage } from './chatMessage';
import { eventLog } from './eventLog';
import { recording } from './recording';
import type { TriggerEvent } from './types';
import { userStatus } from './userStatus';

/** In the order the Event parameter lists them. */
export const EVENTS: TriggerEvent[] = [
	activeCallEnded,
	activeCallStarted,
	auditLog,
	callRecord,
	chatConversation,
	chatMessage,
	eventLog,
	recording,
	userStatus,
];

export function eventNamed(value: string): TriggerEvent | undefined {
	return EVENTS.find((event) => event.option.value === value);
}
