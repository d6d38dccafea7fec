import { humanize, lowerCamel, sentence } from '../../scripts/generate/naming.js';

describe('display names', () => {
	test.each([
		['ChatHistoryView', 'Chat History'],
		['OAuthClients', 'OAuth Clients'],
		['SetOAuthState', 'Set OAuth State'],
		['CallerId', 'Caller ID'],
		['GroupIds', 'Group IDs'],
		['IVRType', 'IVR Type'],
		['MS365', 'MS 365'],
		['Identity', 'Identity'],
		['SipDevices', 'SIP Devices'],
		['DidNumbers', 'DID Numbers'],
		['DeleteOpenAiFile', 'Delete OpenAI File'],
		['BulkIpsDelete', 'Bulk IPs Delete'],
		['GeCrmtTemplates', 'Get CRM Templates'],
	])('%s → %s', (name, shown) => {
		expect(humanize(name)).toBe(shown);
	});

	test('parameter names keep their words: OAuth is only joined for display', () => {
		expect(lowerCamel('OAuthClients')).toBe('oAuthClients');
		expect(lowerCamel('CallerId')).toBe('callerId');
	});
});

describe('action labels in sentence case, as n8n’s lint rule reads it', () => {
	test.each([
		['Download Chat History', 'Download chat history'],
		['API Token', 'API Token'],
		['CRM Contacts Bulk Delete', 'CRM Contacts bulk delete'],
		['Get User By ID', 'Get user by ID'],
		['Delete OpenAI File', 'Delete open AI file'],
		['Bulk IPs Delete', 'Bulk IP delete'],
	])('%s → %s', (text, label) => {
		expect(sentence(text)).toBe(label);
	});
});
