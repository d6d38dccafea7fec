import type { INodeProperties } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/** The field lists and options of the user's five seed operations (shared/seeds) are requirements. */
const { properties } = new ThreeCx().description;
const shownFor = (operation: string) => properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
const displayNames = (list: INodeProperties[]) => list.map((p) => p.displayName).sort();
const shownAs = (operation: string, displayName: string) => shownFor(operation).find((p) => p.displayName === displayName);
/** The entity's Fields collection ("Fields", "Update Fields" or "Additional Fields", by what it serves). */
const fieldsOf = (operation: string) => (shownFor(operation).find((p) => p.type === 'collection' && /Fields$/.test(p.name))?.options ?? []) as INodeProperties[];
/** A field's options as the editor lists them (by name, as n8n's lint rule wants): [shown name, value sent]. */
const choices = (fields: INodeProperties[], field: string) =>
	(fields.find((f) => f.name === field)?.options as Array<{ name: string; value: unknown }> | undefined)?.map((o) => [o.name, o.value]);

test('Update Notification Settings offers every field of the seed, Mail Server Type with readable options', () => {
	const fields = fieldsOf('updateNotificationSettings');
	expect(displayNames(fields)).toEqual(
		expect.arrayContaining([
			'Can Edit Email Addresses', 'Can Edit Mail Server Type', 'Email Addresses', 'Fake ID', 'Mail Address', 'Mail Password', 'Mail Server', 'Mail Server Type',
			'Mail SSL Enabled', 'Mail User', 'Notify Call Denied', 'Notify Emergency Number Dialed', 'Notify Extension Added', 'Notify IP Blocked', 'Notify License Limit',
			'Notify Network Error', 'Notify Request Anti Hacked', 'Notify Service Stopped', 'Notify Storage Limit', 'Notify STUN Error', 'Notify Success Scheduled Backups',
			'Notify System Owners', 'Notify Trunk Error', 'Notify Trunk Failover', 'Notify Trunk Status Changed', 'Notify Updates Available',
			'Notify When Recordings Quota Reached', 'Notify When Voicemail Quota Reached', 'Recordings Quota Percentage', 'Voicemail Quota Percentage',
		]),
	);
	expect(choices(fields, 'mailServerType')).toEqual([
		['Custom', 'Custom'],
		['Google Workspace', 'GoogleWorkspace'],
		['MS 365', 'MS365'],
		['Tcx', 'Tcx'],
	]);
	expect(fields.find((f) => f.name === 'mailServerType')?.description).toBe('3CX 20.0.4–20.0.6 only');
	// 3CX's ConcealedPassword: typed as a masked text, sent as { Value } (test/node/json-shape.test.ts).
	expect(fields.find((f) => f.name === 'mailPassword')).toMatchObject({ type: 'string', typeOptions: { password: true } });
	expect(fields.find((f) => f.name === 'mailSslEnabled')?.description).toBe('Whether Mail SSL Enabled is on; 3CX 20.0.4–20.0.6 only');
	expect(fields.find((f) => f.name === 'recordingsQuotaPercentage')?.typeOptions).toEqual({ minValue: 0, maxValue: 100 });
});

test('Update Call Flow App: Id at the top (a locator whose By ID takes {{$json.Id}}), the seed fields in Fields, Groups and Trunk as JSON', () => {
	const id = shownAs('updateCallFlowApp', 'Call Flow App');
	expect(id).toMatchObject({ required: true, type: 'resourceLocator' });
	expect(id?.modes?.map((m) => m.displayName)).toEqual(['From List', 'By ID']);
	const fields = fieldsOf('updateCallFlowApp');
	expect(displayNames(fields)).toEqual(
		expect.arrayContaining(['Compilation Last Success', 'Compilation Result', 'Compilation Succeeded', 'Groups', 'Invalid Script', 'Is Registered', 'Name', 'Number', 'Rejected Code', 'Routing Type', 'Script Code', 'Transcription Mode', 'Trunk']),
	);
	expect(choices(fields, 'routingType')).toEqual([['Dial Code', 'DialCode'], ['Forward', 'Forward'], ['Trunk', 'Trunk']]);
	expect(choices(fields, 'transcriptionMode')).toEqual([['Both', 'Both'], ['Inherit', 'Inherit'], ['Nothing', 'Nothing'], ['Recordings', 'Recordings'], ['Voicemail', 'Voicemail']]);
	// Groups is a list of groups, Trunk one trunk: the editor starts each with its shape.
	expect(fields.find((f) => f.name === 'groups')).toMatchObject({ type: 'json', default: '[]' });
	expect(fields.find((f) => f.name === 'trunk')).toMatchObject({ type: 'json', default: '{}' });
});

test('Create Receptionist offers the seed fields, each option shown by a readable name and sent as 3CX’s value', () => {
	const fields = fieldsOf('createReceptionist');
	expect(displayNames(fields)).toEqual(
		expect.arrayContaining([
			'Break Route', 'Forwards', 'Forward SMS To', 'Groups', 'Holidays Route', 'ID', 'Invalid Key Forward DN', 'Is Registered', 'IVR Type', 'Name', 'Number',
			'Out Of Office Route', 'Prompt Filename', 'Prompt Set', 'Timeout', 'Timeout Forward DN', 'Timeout Forward Peer Type', 'Timeout Forward Type', 'Transcription Mode', 'Use MS Exchange',
		]),
	);
	expect(choices(fields, 'ivrType')).toEqual([
		['Code Based', 'CodeBased'],
		['Default', 'Default'],
		['Script Based', 'ScriptBased'],
		['Wakeup', 'Wakeup'],
	]);
	expect(choices(fields, 'timeoutForwardPeerType')).toEqual([
		['Conference', 'Conference'],
		['Extension', 'Extension'],
		['External Line', 'ExternalLine'],
		['Fax', 'Fax'],
		['Group', 'Group'],
		['IVR', 'IVR'],
		['None', 'None'],
		['Parking', 'Parking'],
		['Queue', 'Queue'],
		['Ring Group', 'RingGroup'],
		['Route Point', 'RoutePoint'],
		['Special Menu', 'SpecialMenu'],
	]);
	expect(choices(fields, 'timeoutForwardType')).toEqual([
		['Call By Name', 'CallByName'],
		['Custom Input', 'CustomInput'],
		['End Call', 'EndCall'],
		['Extension', 'Extension'],
		['IVR', 'IVR'],
		['Queue', 'Queue'],
		['Repeat Prompt', 'RepeatPrompt'],
		['Ring Group', 'RingGroup'],
		['Voice Mail', 'VoiceMail'],
	]);
});

test('Get Monitor Status offers exactly Top, Skip, Search, Filter and Count', () => {
	const options = shownAs('getMonitorStatus', 'Options')!.options as INodeProperties[];
	expect(displayNames(options)).toEqual(['Count', 'Filter', 'Search', 'Skip', 'Top']);
});

test('Download Chat History takes a Client Time Zone and all eight OData options', () => {
	const inputs = shownFor('downloadChatHistory');
	expect(inputs.find((p) => p.name === 'clientTimeZone')?.displayName).toBe('Client Time Zone');
	const options = inputs.find((p) => p.displayName === 'Options')!.options as INodeProperties[];
	expect(displayNames(options)).toEqual(['Count', 'Expand', 'Filter', 'Order By', 'Search', 'Select', 'Skip', 'Top']);
});

test('an entity’s fields are labelled as n8n labels them where the collection serves one kind of operation', () => {
	const label = (operation: string) => shownFor(operation).find((p) => p.type === 'collection' && /Fields$/.test(p.name))?.displayName;
	// Settings singletons are only ever updated.
	expect(label('updateNotificationSettings')).toBe('Update Fields');
	// Create and Update of one entity share the collection, which keeps the description within its budget.
	expect([label('createReceptionist'), label('updateReceptionist')]).toEqual(['Fields', 'Fields']);
});
