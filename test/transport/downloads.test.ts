import { extensionFor, fileNameFromDisposition } from '../../nodes/shared/transport/response';

describe('Content-Disposition file names', () => {
	test.each([
		['a plain name', 'attachment; filename=report.csv', 'report.csv'],
		['a quoted name with ; inside', 'attachment; filename="a;b.csv"', 'a;b.csv'],
		['escaped quotes inside a quoted name', 'attachment; filename="the \\"big\\" one.csv"', 'the "big" one.csv'],
		['parameter names in any case', 'Attachment; FileName="Calls.CSV"', 'Calls.CSV'],
		['RFC 5987 without a language', "attachment; filename*=UTF-8''call%2077.wav", 'call 77.wav'],
		['RFC 5987 with a language tag', "attachment; filename*=UTF-8'en'K%C3%BCche.wav", 'Küche.wav'],
		['RFC 5987 in any case', "attachment; FILENAME*=utf-8'de-CH'r%C3%A9sum%C3%A9.pdf", 'résumé.pdf'],
		['RFC 5987 ISO-8859-1', "attachment; filename*=ISO-8859-1'fr'caf%E9.txt", 'café.txt'],
		['filename* wins, whatever the order', "attachment; filename*=UTF-8''%E2%82%AC.csv; filename=\"EUR.csv\"", '€.csv'],
		['a broken filename* falls back to filename', "attachment; filename*=UTF-8''%E2%ZZ.csv; filename=\"plain.csv\"", 'plain.csv'],
		['a path keeps only its last part', 'attachment; filename="../../etc/passwd"', 'passwd'],
		['a Windows path too', 'attachment; filename="C:\\\\temp\\\\x.wav"', 'x.wav'],
		['a filename inside another parameter is not taken', 'attachment; note="filename=evil.exe"; filename=good.csv', 'good.csv'],
	])('%s', (_name, header, expected) => {
		expect(fileNameFromDisposition(header)).toBe(expected);
	});

	test.each([[undefined], [''], ['inline'], ['attachment; filename=""']])('no name in %p', (header) => {
		expect(fileNameFromDisposition(header)).toBeUndefined();
	});
});

describe('extensions', () => {
	test.each([
		['text/csv', 'csv'],
		['audio/wav', 'wav'],
		['application/zip', 'zip'],
		['application/xml', 'xml'],
		['text/xml', 'xml'],
		['audio/ogg', 'ogg'],
		['AUDIO/OGG', 'ogg'],
		['audio/x-flac', 'flac'],
		['image/svg+xml', 'svg'],
		['application/octet-stream', 'bin'],
		['nonsense', 'bin'],
	])('%s → .%s', (mimeType, extension) => {
		expect(extensionFor(mimeType)).toBe(extension);
	});
});
