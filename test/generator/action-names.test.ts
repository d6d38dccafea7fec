// What the node creator lists and searches (each operation's `action`) and what the panel shows
// (resource and operation names), checked over all 627 generated XAPI operations; the hand-written
// Call Control resource only where it shares the node creator's list (unique labels, acronyms).
import type { INodePropertyOptions } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

const { properties } = new ThreeCx().description;
const HAND_WRITTEN = 'callControl';
const allResources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
const resources = allResources.filter((r) => r.value !== HAND_WRITTEN);
const allActions = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => (p.options as INodePropertyOptions[]).map((option) => ({ resource: p.displayOptions!.show!.resource![0] as string, ...option })));
const actions = allActions.filter((a) => a.resource !== HAND_WRITTEN);
const resourceName = (value: string) => resources.find((r) => r.value === value)!.name;

/** Acronyms that 3CX's PascalCase hides ("SipDevices") and that must not be shown as ordinary words. */
const ACRONYMS = ['AI', 'API', 'CDR', 'CRM', 'DID', 'DN', 'FQDN', 'FXS', 'IAM', 'IP', 'IVR', 'MCP', 'MCU', 'PBX', 'SBC', 'SFTP', 'SIP', 'SLA'];
const miswritten = (text: string) => ACRONYMS.filter((acronym) => new RegExp(`\\b${acronym}s?\\b`, 'i').test(text) && !new RegExp(`\\b${acronym}s?\\b`).test(text));
const singular = (word: string) => word.toLowerCase().replace(/ies$/, 'y').replace(/([^su])s$/, '$1');
const words = (text: string) => text.replace(/[()]/g, '').split(' ').map(singular);

test('there are 627 XAPI actions in 133 resources, and 9 in the hand-written Call Control resource', () => {
	expect(actions).toHaveLength(627);
	expect(resources).toHaveLength(133);
	expect(allActions.filter((a) => a.resource === HAND_WRITTEN)).toHaveLength(9);
	expect(allResources).toHaveLength(133 + 1);
});

test('every action label is unique, so none is ambiguous in the node creator', () => {
	const seen = new Map<string, string[]>();
	for (const a of allActions) seen.set(a.action!, [...(seen.get(a.action!) ?? []), `${a.resource}/${a.value}`]);
	expect([...seen].filter(([, users]) => users.length > 1)).toEqual([]);
});

test('every action label names what it acts on with a word of its resource', () => {
	const STOP = new Set(['report', 'setting', 'my', 'and', 'by', 'for', 'of', 'on', 'in', 'to', 'data']);
	const silent = actions.filter((a) => {
		const about = words(resourceName(a.resource)).filter((w) => !STOP.has(w));
		const said = new Set(words(a.action!));
		return !about.some((w) => said.has(w));
	});
	expect(silent.map((a) => `${resourceName(a.resource)}: ${a.action}`)).toEqual([]);
});

test('acronyms are written as acronyms in actions, operation names and resource names', () => {
	const wrong = [...allActions.flatMap((a) => [a.action!, a.name]), ...allResources.map((r) => r.name)].filter((text) => miswritten(text).length > 0);
	expect(wrong).toEqual([]);
});

test('3CX’s typos and abbreviations are not shown', () => {
	const shown = [...actions.flatMap((a) => [a.action!, a.name]), ...resources.map((r) => r.name)].join('\n');
	for (const typo of [/\bGe\b/, /\bCrmt\b/i, /\bRetreive\b/i, /\bIfaces\b/i, /\bAn Un\b/i, /\bopen ai\b/, /\bDefs\b/i]) expect(shown).not.toMatch(typo);
});

test('resource names are singular, as n8n names resources ("User", "Call Flow App")', () => {
	const names = resources.map((r) => r.name);
	expect(names).toEqual(expect.arrayContaining(['User', 'Call Flow App', 'SIP Device', 'DID Number', 'Receptionist (IVR)', 'Audit Log Report', 'Mail Setting']));
	expect(names.filter((name) => /(?<![su])s$/.test(name.split(' ').pop()!))).toEqual([]);
});

test.each([
	['users', 'listUser', 'Get many users'],
	['users', 'updateUser', 'Update user'],
	['sipDevices', 'listSipDevice', 'Get many SIP devices'],
	['aiSettings', 'deleteOpenAiFile', 'Delete open AI file for AI settings'],
	['chatHistoryView', 'downloadChatHistory', 'Download chat history'],
	['outboundRules', 'purge', 'Purge outbound rules'],
	['mailSettings', 'mailSettingsTestEmail', 'Test email for mail settings'],
])('%s › %s is listed as "%s"', (resource, operation, label) => {
	expect(actions.find((a) => a.resource === resource && a.value === operation)?.action).toBe(label);
});
