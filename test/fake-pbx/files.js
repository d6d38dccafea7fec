'use strict';
// The binary and text files a real PBX hands out from its Download*/Export*
// functions: CSV exports, WAV recordings, ZIP archives. Built with Node's
// built-ins only, small but valid, so clients can really parse them.

/**
 * RFC 4180 CSV with CRLF line ends. Nested values (arrays, objects) are
 * written as JSON; `formatValue` may rewrite values (e.g. time zones).
 */
function toCsv(rows, columns, formatValue = (value) => value) {
	const lines = [columns.map(csvCell).join(',')];
	for (const row of rows) {
		lines.push(columns.map((column) => csvCell(formatValue(row[column], column))).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value) {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Column list: every property that any row has, in first-seen order. */
function columnsOf(rows) {
	const columns = new Set();
	for (const row of rows) for (const key of Object.keys(row)) if (!key.startsWith('@')) columns.add(key);
	return [...columns];
}

/** 16-bit mono PCM WAV: a short sine tone, so players and parsers accept it. */
function makeWav({ frequency = 440, sampleRate = 8000, samples = 800 } = {}) {
	const dataBytes = samples * 2;
	const wav = Buffer.alloc(44 + dataBytes);
	wav.write('RIFF', 0, 'ascii');
	wav.writeUInt32LE(36 + dataBytes, 4);
	wav.write('WAVE', 8, 'ascii');
	wav.write('fmt ', 12, 'ascii');
	wav.writeUInt32LE(16, 16); // fmt chunk size
	wav.writeUInt16LE(1, 20); // PCM
	wav.writeUInt16LE(1, 22); // mono
	wav.writeUInt32LE(sampleRate, 24);
	wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
	wav.writeUInt16LE(2, 32); // block align
	wav.writeUInt16LE(16, 34); // bits per sample
	wav.write('data', 36, 'ascii');
	wav.writeUInt32LE(dataBytes, 40);
	for (let i = 0; i < samples; i++) {
		const sample = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000);
		wav.writeInt16LE(sample, 44 + i * 2);
	}
	return wav;
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

// zlib.crc32 only exists from Node 20.15/22.2; engines allow any Node 20.
function crc32(buffer) {
	let crc = 0xffffffff;
	for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP archive with the given files stored uncompressed (method 0).
 * @param {Array<{ name: string, data: Buffer | string }>} entries
 * @param {Date} [modified]
 */
function makeZip(entries, modified = new Date(Date.UTC(2025, 0, 1))) {
	const dosTime = (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
	const dosDate = ((Math.max(1980, modified.getUTCFullYear()) - 1980) << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
	const localParts = [];
	const centralParts = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
		const crc = crc32(data);

		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt16LE(dosTime, 10);
		local.writeUInt16LE(dosDate, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		localParts.push(local, name, data);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4); // version made by
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(dosTime, 12);
		central.writeUInt16LE(dosDate, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centralParts.push(central, name);

		offset += local.length + name.length + data.length;
	}
	const centralSize = centralParts.reduce((sum, part) => sum + part.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...localParts, ...centralParts, end]);
}

/** The header ASP.NET's File() result writes: ASCII fallback plus RFC 5987 name. */
function contentDisposition(filename) {
	const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

module.exports = { toCsv, columnsOf, makeWav, makeZip, contentDisposition };
