// How n8n's node creator finds a node: its search keeps a node when every character of the query
// appears, in order, in the node's display name or in one of its codex aliases (a fuzzy match;
// the score only orders the results). Actions of a community node have no search of their own, so
// the aliases are the way in. The creator merges "3CX" and "3CX Trigger" into one entry that
// shows the trigger's description.
import * as fs from 'fs';
import * as path from 'path';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { ThreeCxTrigger } from '../../nodes/ThreeCxTrigger/ThreeCxTrigger.node';

const codex = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../nodes/ThreeCx/ThreeCx.node.json'), 'utf8')) as { alias: string[] };
const searchable = [new ThreeCx().description.displayName, ...codex.alias];

function inOrder(query: string, text: string): boolean {
	let at = 0;
	for (const char of text.toLowerCase()) if (char === query[at]) at++;
	return at === query.length;
}
const found = (query: string) => searchable.some((text) => inOrder(query.toLowerCase(), text));

test.each(['3cx', '3cx user', 'update user', 'delete contact', 'create queue', 'ring group', 'ivr', 'receptionist', 'extension', 'call history', 'get recordings', 'active calls', 'user status', 'trunk', 'pbx', 'voip'])(
	'a search for "%s" finds the 3CX node',
	(query) => {
		expect(found(query)).toBe(true);
	},
);

test.each(['google sheets', 'slack', 'http request', 'postgres', 'openai', 'telegram'])('a search for "%s" does not bring up 3CX', (query) => {
	expect(found(query)).toBe(false);
});

test('the merged entry describes both nodes: the trigger’s description says what the node does', () => {
	const shown = new ThreeCxTrigger().description.description;
	expect(shown).toMatch(/^Manage a 3CX V20 phone system/);
	expect(shown).toMatch(/start workflows/);
});
