import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/** n8n sends every node's description to the editor; the largest built-in one (Notion v2) is 287 KB. */
const BUDGET_BYTES = 287_000;

test('the whole node description, minified JSON, stays within the size of n8n’s largest built-in node', () => {
	const bytes = Buffer.byteLength(JSON.stringify(new ThreeCx().description));
	console.log(`ThreeCx description: ${bytes} bytes (budget ${BUDGET_BYTES})`);
	expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
});

test('every operation and field is still there', () => {
	const { properties } = new ThreeCx().description;
	const operations = properties.filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []);
	const callControl = operations.filter((o) => String((o as { value: unknown }).value).startsWith('callControl'));
	expect(operations.length - callControl.length).toBe(627);
	expect(callControl).toHaveLength(9);
	const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
	expect(resources.map((r) => (r as { value: unknown }).value)).toContain('callControl');
	expect(resources).toHaveLength(133 + 1);
});
