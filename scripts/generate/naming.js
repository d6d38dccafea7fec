'use strict';

/** Splits PascalCase keeping acronyms whole: "IVRType" → ["IVR", "Type"], "MS365" → ["MS", "365"]. */
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

/** Words n8n's editor spells its own way: "ID" (n8n's lint rule), 3CX's "OAuth" as one word. */
const SPELLINGS = { Id: 'ID', Ids: 'IDs', Oauth: 'OAuth' };

const titleWord = (w) => {
	const title = w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1);
	return SPELLINGS[title] ?? title;
};

/** "ChatHistoryView" → "Chat History", "mailServerType" → "Mail Server Type", "OAuthClients" → "OAuth Clients". */
function humanize(name) {
	// words() would split "OAuth" after its capital O; parameter names (lowerCamel) keep that split.
	const parts = words(name.replace(/OAuth/g, 'Oauth')).map(titleWord);
	if (parts.length > 1 && parts[parts.length - 1] === 'View') parts.pop();
	return parts.join(' ');
}

const isAcronym = (w) => w === w.toUpperCase();

/**
 * Sentence case for n8n action labels: "Download Chat History" → "Download chat history". Leading
 * acronyms do not count as the first word ("API Token" stays, "CRM Contacts bulk delete"), as n8n's lint rule reads it.
 */
function sentence(text) {
	const parts = text.split(' ');
	const first = parts.findIndex((w) => !isAcronym(w));
	return parts.map((w, i) => (i <= first || isAcronym(w) ? w : w.toLowerCase())).join(' ');
}

function lowerCamel(name) {
	const parts = words(name);
	return parts
		.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
		.join('');
}

/** A TypeScript identifier for a resource's exports: "ChatHistoryView" → "chatHistoryView". */
const identifier = (name) => lowerCamel(name).replace(/^[0-9]/, '_$&');

module.exports = { words, humanize, sentence, lowerCamel, identifier };
