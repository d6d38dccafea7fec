import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { newestRow, type KeysetQuery } from '../cursor/keyset';
import { currentRows } from '../cursor/snapshot';
import { anyFieldEquals, numbersParameter } from '../filters';
import type { XapiReader } from '../transport/reader';
import type { TriggerEvent } from './types';

/** The user fields that say whether someone can take a call: status profile, queue login, phone registration. */
export const STATUS_FIELDS = ['CurrentProfileName', 'QueueStatus', 'IsRegistered'];

const USERS = { path: '/Users' };
const SELECTED = ['Id', 'Number', 'FirstName', 'LastName', 'DisplayName', 'EmailAddress', ...STATUS_FIELDS];

function usersQuery(context: IPollFunctions): KeysetQuery {
	return {
		source: USERS,
		key: 'Id',
		select: SELECTED.join(','),
		filter: anyFieldEquals(['Number'], numbersParameter(context, 'numbers', 'Extensions')),
	};
}

function watchedFields(context: IPollFunctions): string[] {
	const watch = (context.getNodeParameter('watch', []) as string[]).filter((field) => STATUS_FIELDS.includes(field));
	if (watch.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Watch: choose at least one of Status Profile, Queue Status, Phone Registration', {
			description: 'Nothing was sent to 3CX.',
		});
	}
	return watch;
}

const statusOf = (user: IDataObject): IDataObject => Object.fromEntries(STATUS_FIELDS.map((field) => [field, user[field] ?? null]));

export const userStatus: TriggerEvent = {
	option: {
		name: 'User Status Changed',
		value: 'userStatusChanged',
		description: "A user's status profile (Available, Away, Do Not Disturb…), queue login or phone registration changed",
	},
	reads: [{ source: USERS, fields: SELECTED }],
	// A test fetch has no change to show: the newest user, in the shape a change is emitted in.
	async sample(reader: XapiReader) {
		const query = usersQuery(reader.context);
		watchedFields(reader.context);
		const users = await newestRow(reader, query);
		return users.map((user) => ({ ...user, changedFields: [], previous: {} }));
	},
	async poll(reader, state) {
		const query = usersQuery(reader.context);
		const watch = watchedFields(reader.context);
		const users = await currentRows(reader, query);
		const before = state.ready === true ? (state.users as Record<string, IDataObject>) : {};
		const changes: IDataObject[] = [];
		for (const user of users) {
			const previous = before[String(user.Id)];
			if (!previous) continue; // a new user, or one the filter now includes: nothing to compare with
			const now = statusOf(user);
			const changed = watch.filter((field) => previous[field] !== now[field]);
			if (changed.length === 0) continue;
			changes.push({ ...user, changedFields: changed, previous: Object.fromEntries(changed.map((field) => [field, previous[field]])) });
		}
		state.users = Object.fromEntries(users.map((user) => [String(user.Id), statusOf(user)]));
		state.ready = true;
		return changes;
	},
};
