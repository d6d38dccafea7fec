import type { INodeProperties } from 'n8n-workflow';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/** Secrets a user types into the node are masked in the editor: passwords, PINs, keys, secrets. */
const { properties } = new ThreeCx().description;
const shownFor = (operation: string) => properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));

/** The node property of an operation's body field or action parameter, by its name in 3CX's spec. */
function field(operation: string, specName: string): INodeProperties | undefined {
	const { body } = endpoints[operation];
	const all = { ...body?.fields, ...body?.older };
	const prop = Object.keys(all).find((key) => all[key][0] === specName);
	const inCollection = shownFor(operation)
		.filter((p) => p.type === 'collection')
		.flatMap((p) => p.options as INodeProperties[]);
	return [...inCollection, ...shownFor(operation)].find((p) => p.name === prop);
}

test.each([
	// 3CX's ConcealedPassword objects: typed as text, sent as { Value } (kind c).
	['updateNotificationSettings', 'MailPassword', 'c'],
	['updateMailSettings', 'MailPassword', 'c'],
	['updateTrunk', 'AuthPassword', 'c'],
	['updateFaxServerSettings', 'AuthPassword', 'c'],
	['updateGoogleSettings', 'ClientSecret', 'c'],
	['updateAiSettings', 'APIKey', 'c'],
	['updateVoicemailSettings', 'TranscribeSecretKey', 'c'],
	// Plain strings.
	['updateUser', 'AccessPassword', 's'],
	['updateUser', 'DeskphonePassword', 's'],
	['updateUser', 'VMPIN', 's'],
	['updateConferenceSettings', 'PinNumber', 's'],
	['updateConferenceSettings', 'ApiKey', 's'],
	['updateFax', 'AuthPassword', 's'],
	['createFxs', 'Secret', 's'],
	['restore', 'password', 's'],
])('%s › %s is a masked text field', (operation, specName, kind) => {
	expect(field(operation, specName)).toMatchObject({ type: 'string', typeOptions: { password: true } });
	const { body } = endpoints[operation];
	expect(Object.values({ ...body?.fields, ...body?.older }).find(([name]) => name === specName)?.[1]).toBe(kind);
});

test('a flag about a password is not one', () => {
	expect(field('updateGeneralSettingsForApps', 'AllowChangePassword')?.type).toBe('boolean');
});
