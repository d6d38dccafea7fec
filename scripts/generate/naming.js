// @ts-check
'use strict';

/**
 * Splits PascalCase keeping acronyms whole: "IVRType" → ["IVR", "Type"], "MS365" → ["MS", "365"].
 * @param {string} name
 */
function words(name) {
	return name
		.replace(/[_$@.-]+/g, ' ')
		.replace(/([A-Z]{2,})([0-9])/g, '$1 $2')
		.replace(/([a-z])([A-Z0-9])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/([0-9])([A-Za-z])/g, '$1 $2')
		.trim()
		.split(/\s+/)
		.filter(Boolean);
}

/** Acronyms 3CX's PascalCase names hide ("SipDevices", "DidNumbers"). */
const ACRONYMS = ['AI', 'API', 'BLF', 'CDR', 'CRM', 'CSV', 'DECT', 'DID', 'DN', 'DNS', 'DTMF', 'FQDN', 'FXS', 'GUID', 'IAM', 'IP', 'IVR', 'MAC', 'MCP', 'MCU', 'PBX', 'PIN', 'RFC', 'RPC', 'SBC', 'SFTP', 'SIP', 'SLA', 'SMS', 'SQL', 'SSL', 'STUN', 'TLS', 'URI', 'URL'];

/**
 * Words spelled as people write them: "ID" (n8n's lint rule), 3CX's "OAuth" as one word, and the
 * acronyms 3CX's PascalCase names hide ("SipDevices", "DidNumbers", "DeleteOpenAiFile").
 * @type {Record<string, string>}
 */
const SPELLINGS = {
	Id: 'ID',
	Ids: 'IDs',
	Oauth: 'OAuth',
	...Object.fromEntries(
		ACRONYMS.flatMap(
			(acronym) => {
				const word = acronym[0] + acronym.slice(1).toLowerCase();
				return [[word, acronym], [`${word}s`, `${acronym}s`]];
			},
		),
	),
};

/**
 * Names whose words need more than a spelling: brands, and 3CX's own typos and abbreviations.
 * @type {Array<[RegExp, string]>}
 */
const PHRASES = [
	[/\bOpen AI\b/g, 'OpenAI'],
	[/\bGe Crmt\b/g, 'Get CRM'],
	[/\bRetreive\b/g, 'Retrieve'],
	[/\bIfaces\b/g, 'Interfaces'],
	[/\bAn Un\b/g, 'Answered and Unanswered'],
	[/\bProv\b/g, 'Provisioning'],
];

/** @param {string} w */
const titleWord = (w) => {
	const title = w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1);
	return SPELLINGS[title] ?? title;
};

/**
 * "ChatHistoryView" → "Chat History", "mailServerType" → "Mail Server Type", "OAuthClients" → "OAuth Clients".
 * @param {string} name
 */
function humanize(name) {
	// words() would split "OAuth" after its capital O; parameter names (lowerCamel) keep that split.
	const parts = words(name.replace(/OAuth/g, 'Oauth')).map(titleWord);
	if (parts.length > 1 && parts[parts.length - 1] === 'View') parts.pop();
	return PHRASES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), parts.join(' '));
}

/** Short words n8n's title case writes small inside a name: "Get by Number", "Music on Hold". */
const SMALL_WORDS = new Set(['And', 'By', 'For', 'In', 'Of', 'On', 'Or', 'To']);

/**
 * Title case for resource and operation names: `humanize`, with small words in lower case.
 * @param {string} name
 */
function title(name) {
	return humanize(name)
		.split(' ')
		.map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w.toLowerCase() : w))
		.join(' ');
}

/** @param {string} w */
const isAcronym = (w) => w === w.toUpperCase();

/**
 * A word as n8n's lint rule for action labels accepts it (its sentence case splits mixed-case
 * words, "OpenAI" → "open ai"): acronyms stay upper case, an acronym's plural loses its "s"
 * ("Bulk IP delete"), the brand OpenAI is written "open AI".
 * @param {string} w
 */
function actionWord(w) {
	if (w === 'OpenAI') return 'open AI';
	if (/^[A-Z]{2,}s$/.test(w)) return w.slice(0, -1);
	return isAcronym(w) ? w : w.toLowerCase();
}

/**
 * Sentence case for n8n action labels: "Download Chat History" → "Download chat history". Leading
 * acronyms do not count as the first word ("API Token" stays, "CRM Contacts bulk delete"), as n8n's lint rule reads it.
 * @param {string} text
 */
function sentence(text) {
	const parts = text.split(' ');
	const first = parts.findIndex((w) => !isAcronym(w));
	return parts.map((w, i) => (i === first ? w : actionWord(w))).join(' ');
}

/** @param {string} name */
function lowerCamel(name) {
	const parts = words(name);
	return parts
		.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
		.join('');
}

/**
 * A TypeScript identifier for a resource's exports: "ChatHistoryView" → "chatHistoryView".
 * @param {string} name
 */
const identifier = (name) => lowerCamel(name).replace(/^[0-9]/, '_$&');

module.exports = { ACRONYMS, words, humanize, title, sentence, lowerCamel, identifier };
