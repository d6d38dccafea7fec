import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

/**
 * n8n's declarative engine resolves node.parameters[name] once per top-level property of that name,
 * for every item: a name shared by fourteen properties meant fourteen evaluations of the user's
 * expression per item. The operation selectors are the exception (one per resource, never expressions).
 */
const { properties } = new ThreeCx().description;

test('every top-level parameter name but "operation" belongs to one property', () => {
	const names = properties.map((p) => p.name).filter((name) => name !== 'operation');
	const repeated = names.filter((name, index) => names.indexOf(name) !== index);
	expect(repeated).toEqual([]);
	// 133 XAPI resources and Call Control
	expect(properties.filter((p) => p.name === 'operation')).toHaveLength(134);
});

test('every input an endpoint reads is a property shown for its operation', () => {
	const missing: string[] = [];
	for (const [operation, endpoint] of Object.entries(endpoints)) {
		const inputs = [
			...(endpoint.params ?? []).map((p) => p.prop),
			...(endpoint.body && !endpoint.body.collection ? Object.keys(endpoint.body.fields) : []),
			endpoint.body?.collection,
			endpoint.body?.olderCollection,
			endpoint.options,
		].filter((name): name is string => Boolean(name));
		for (const name of inputs) {
			const shown = properties.some((p) => p.name === name && p.displayOptions?.show?.operation?.includes(operation));
			if (!shown) missing.push(`${operation}: ${name}`);
		}
	}
	expect(missing).toEqual([]);
});
