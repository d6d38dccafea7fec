import { forgetTokens } from '../../nodes/shared/transport/token';
import { credentialsHelperFor, runThreeCx } from '../helpers/workflow';
import { startSpecValidator, type SpecValidator } from './harness/prism';
import { xapiSpecsPresent } from '../helpers/xapiSpecs';

/**
 * Property-based: string keys and function parameters full of OData and URL syntax must still make
 * valid requests that carry exactly the value given. Cases come from a seeded generator, so a
 * failure is reproducible.
 */
const ALPHABET = ["'", "''", '"', '(', ')', '/', '\\', '#', '%', '%27', '?', '&', '=', ',', ' ', '+', ':', ';', '*', '$', 'ü', 'ß', '日本', '🙂', 'a', 'Z', '0', '9', '-', '_', '.', '~', '\t'];

function* randomStrings(seed: number, count: number): Generator<string> {
	let state = seed >>> 0;
	const next = () => {
		// xorshift32: small, deterministic, good enough to vary the cases
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
	yield '';
	yield "O'Brien";
	yield "'')";
	for (let i = 3; i < count; i++) {
		const length = Math.floor(next() * 12) + 1;
		let text = '';
		for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
		yield text;
	}
}

const TARGETS = [
	{ version: '20.0.10', parameters: { resource: 'users', operation: 'getUserByNumber' }, prop: 'number', literalOf: (v: string) => `/xapi/v1/Users(Number='${v.replace(/'/g, "''")}')` },
	{ version: '20.0.10', parameters: { resource: 'backups', operation: 'deleteBackups' }, prop: 'fileName', literalOf: (v: string) => `/xapi/v1/Backups('${v.replace(/'/g, "''")}')` },
	{
		version: '20.0.10',
		parameters: { resource: 'chatHistoryView', operation: 'downloadChatHistory' },
		prop: 'clientTimeZone',
		literalOf: (v: string) => `/xapi/v1/ChatHistoryView/Pbx.DownloadChatHistory(clientTimeZone=${v === '' ? 'null' : `'${v.replace(/'/g, "''")}'`})`,
	},
];
const CASES_PER_TARGET = 180;

const specsPresent = xapiSpecsPresent('the hostile-key contract test');
(specsPresent ? describe : describe.skip)('hostile key and function-parameter strings', () => {
	let validator: SpecValidator;
	beforeAll(async () => {
		validator = await startSpecValidator('20.0.10');
	}, 120_000);
	afterAll(async () => {
		await validator?.stop();
	});

	test(`${CASES_PER_TARGET * TARGETS.length} generated values make valid requests carrying the exact value`, async () => {
		const broken: string[] = [];
		let tried = 0;
		for (const target of TARGETS) {
			for (const value of randomStrings(0x3c0 + target.prop.length, CASES_PER_TARGET)) {
				tried++;
				forgetTokens();
				const before = validator.received.length;
				const { error } = await runThreeCx(
					// as data from an earlier node: an expression, so an empty value reaches the node too
					{ ...target.parameters, [target.prop]: `={{ ${JSON.stringify(value)} }}` },
					{ credentialsHelper: credentialsHelperFor({ url: validator.baseUrl, accessToken: 'contract-token' }) },
				);
				const forwarded = validator.received[before];
				if (error || !forwarded || forwarded.decodedPath !== target.literalOf(value)) {
					broken.push(`${JSON.stringify(value)} → ${error?.message ?? forwarded?.decodedPath ?? 'not forwarded'}`);
				}
			}
		}
		console.log(`Hostile keys: ${tried - broken.length}/${tried} valid, ${broken.length} broken`);
		expect(broken).toEqual([]);
		expect(tried).toBeGreaterThanOrEqual(500);
	}, 600_000);
});
