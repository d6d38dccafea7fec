import type { INodeProperties } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/** The field lists and options of the user's five seed operations (shared/seeds) are requirements. */
const { properties } = new ThreeCx().description;
const shownFor = (operation: string) => properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
const displayNames = (list: INodeProperties[]) => list.map((p) => p.displayName).sort();
const shownAs = (operation: string, displayName: string) => shownFor(operation).find((p) => p.displayName === displayName);
const fieldsOf = (operation: string) => (shownAs(operation, 'Fields')?.options ?? []) as INodeProperties[];

test('Update Notification Settings offers every field of the seed, Mail Server Type with readable options', () => {
	const fields = fieldsOf('updateNotificationSettings');
	expect(displayNames(fields)).toEqual(
		expect.arrayContaining([
			'Can Edit Email Addresses', 'Can Edit Mail Server Type', 'Email Addresses', 'Fake Id', 'Mail Address', 'Mail Password', 'Mail Server', 'Mail Server Type',
			'Mail Ssl Enabled', 'Mail User', 'Notify Call Denied', 'Notify Emergency Number Dialed', 'Notify Extension Added', 'Notify IP Blocked', 'Notify License Limit',
			'Notify Network Error', 'Notify Request Anti Hacked', 'Notify Service Stopped', 'Notify Storage Limit', 'Notify STUN Error', 'Notify Success Scheduled Backups',
			'Notify System Owners', 'Notify Trunk Error', 'Notify Trunk Failover', 'Notify Trunk Status Changed', 'Notify Updates Available',
			'Notify When Recordings Quota Reached', 'Notify When Voicemail Quota Reached', 'Recordings Quota Percentage', 'Voicemail Quota Percentage',
		]),
	);
	const mailServerType = fields.find((f) => f.name === 'mailServerType')!;
	expect(mailServerType.options).toEqual([
		{ name: 'Tcx', value: 'Tcx' },
		{ name: 'MS 365', value: 'MS365' },
		{ name: 'Custom', value: 'Custom' },
		{ name: 'Google Workspace', value: 'GoogleWorkspace' },
	]);
	expect(mailServerType.description).toBe('3CX 20.0.4–20.0.6 only');
	expect(fields.find((f) => f.name === 'mailPassword')?.type).toBe('json');
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
	expect(fields.find((f) => f.name === 'routingType')?.options?.map((o) => (o as { name: string }).name)).toEqual(['Dial Code', 'Forward', 'Trunk']);
	expect(fields.find((f) => f.name === 'transcriptionMode')?.options?.map((o) => (o as { name: string }).name)).toEqual(['Nothing', 'Voicemail', 'Recordings', 'Both', 'Inherit']);
	expect(fields.find((f) => f.name === 'groups')?.type).toBe('json');
	expect(fields.find((f) => f.name === 'trunk')?.type).toBe('json');
});

test('Create Receptionist offers the seed fields with their options', () => {
	const fields = fieldsOf('createReceptionist');
	expect(displayNames(fields)).toEqual(
		expect.arrayContaining([
			'Break Route', 'Forwards', 'Forward Sms To', 'Groups', 'Holidays Route', 'Id', 'Invalid Key Forward DN', 'Is Registered', 'IVR Type', 'Name', 'Number',
			'Out Of Office Route', 'Prompt Filename', 'Prompt Set', 'Timeout', 'Timeout Forward DN', 'Timeout Forward Peer Type', 'Timeout Forward Type', 'Transcription Mode', 'Use MS Exchange',
		]),
	);
	const names = (field: string) => fields.find((f) => f.name === field)?.options?.map((o) => (o as { name: string }).name);
	expect(names('ivrType')).toEqual(['Default', 'Code Based', 'Script Based', 'Wakeup']);
	expect(names('timeoutForwardPeerType')).toEqual(['None', 'Extension', 'Queue', 'Ring Group', 'IVR', 'Fax', 'Conference', 'Special Menu', 'Parking', 'External Line', 'Group', 'Route Point']);
	expect(names('timeoutForwardType')).toEqual(['End Call', 'Extension', 'Ring Group', 'Queue', 'IVR', 'Voice Mail', 'Call By Name', 'Repeat Prompt', 'Custom Input']);
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
