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

const titleWord = (w) => (w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1));

/** "ChatHistoryView" → "Chat History", "mailServerType" → "Mail Server Type". */
function humanize(name) {
	const parts = words(name).map(titleWord);
	if (parts.length > 1 && parts[parts.length - 1] === 'View') parts.pop();
	return parts.join(' ');
}

/** Sentence case for n8n action labels: "Download Chat History" → "Download chat history". */
function sentence(text) {
	return text
		.split(' ')
		.map((w, i) => (i === 0 || w === w.toUpperCase() ? w : w.toLowerCase()))
		.join(' ');
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
