import type { INodeProperties } from 'n8n-workflow';
import { locators } from '../../nodes/ThreeCx/generated';
import { endpoints } from '../../nodes/ThreeCx/operation/endpoints';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

// The generator's input: each 3CX update's spec, as committed in spec/xapi-model.json.
const { loadSpecs } = require('../../scripts/generate/load-specs.js') as { loadSpecs(): Array<{ version: string; doc: { paths: Record<string, unknown> } }> };

const node = new ThreeCx();
const { properties } = node.description;
const shownFor = (operation: string) => properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
const locatorOperations = Object.entries(endpoints).filter(([, e]) => e.params?.some((p) => p.locator));

test('the key of every main entity set is a locator wherever an operation takes it', () => {
	const byLocator: Record<string, string[]> = {};
	for (const [operation, endpoint] of locatorOperations) {
		for (const param of endpoint.params!.filter((p) => p.locator)) (byLocator[param.locator!] ??= []).push(operation);
	}
	expect(Object.keys(byLocator).sort()).toEqual(['callFlowApps', 'contacts', 'fax', 'groups', 'parkings', 'queues', 'receptionists', 'ringGroups', 'trunks', 'users']);
	expect(byLocator.users).toEqual(
		expect.arrayContaining(['getUser', 'updateUser', 'deleteUser', 'setMonitorStatus', 'listGroups', 'sendWelcomeEmail', 'downloadGreeting']),
	);
	expect(byLocator.queues).toEqual(expect.arrayContaining(['getQueue', 'updateQueue', 'deleteQueue', 'listAgents', 'resetQueueStatistics']));
	expect(locatorOperations.length).toBeGreaterThanOrEqual(58);
});

test.each(locatorOperations.map(([operation, endpoint]) => [operation, endpoint] as const))('%s shows one locator per key, with the modes its entity set allows', (operation, endpoint) => {
	for (const param of endpoint.params!.filter((p) => p.locator)) {
		const shown = shownFor(operation).filter((p) => p.name === param.prop);
		expect(shown).toHaveLength(1);
		const [property] = shown as [INodeProperties];
		const locator = locators[param.locator!];
		expect(property).toMatchObject({ type: 'resourceLocator', displayName: locator.label, required: true });
		expect(property.modes!.map((m) => m.name)).toEqual(locator.number ? ['list', 'id', 'number'] : ['list', 'id']);
		expect(property.modes![0].typeOptions?.searchListMethod).toBe(locator.searchMethod);
	}
});

test('every "From List" mode has its listSearch method, and every method a locator', () => {
	const asked = Object.values(locators).map((l) => l.searchMethod).sort();
	expect(Object.keys(node.methods.listSearch).sort()).toEqual(asked);
	const referenced = new Set(properties.flatMap((p) => p.modes ?? []).map((m) => m.typeOptions?.searchListMethod).filter(Boolean));
	expect([...referenced].sort()).toEqual(asked);
});

test('By Number on reading an entity goes to an alternate-key path 3CX’s newest spec has, with a Number key', () => {
	const newest = loadSpecs().find((spec) => spec.version === '20.0.10')!.doc;
	const withByNumber = Object.entries(endpoints).filter(([, e]) => e.byNumber);
	expect(withByNumber.map(([operation]) => operation).sort()).toEqual(['getFax', 'getParking', 'getQueue', 'getReceptionist', 'getRingGroup', 'getTrunk', 'getUser']);
	for (const [, endpoint] of withByNumber) {
		expect(endpoint.byNumber).toMatch(/^\/\w+\(Number=\{Number\}\)$/);
		expect(Object.keys(newest.paths)).toContain(endpoint.byNumber);
	}
});

test('one locator property per entity set, named after it and shared by every operation that takes that entity', () => {
	const locatorProperties = properties.filter((p) => p.type === 'resourceLocator');
	expect(locatorProperties.map((p) => `${p.displayName}/${p.name}`).sort()).toEqual(
		['Call Flow App/callFlowAppId', 'Contact/contactId', 'Fax/faxId', 'Group/groupId', 'Parking/parkingId', 'Queue/queueId', 'Receptionist/receptionistId', 'Ring Group/ringGroupId', 'Trunk/trunkId', 'User/userId'],
	);
	const userOperations = locatorProperties.find((p) => p.name === 'userId')?.displayOptions?.show?.operation;
	expect(userOperations).toEqual(expect.arrayContaining(['getUser', 'updateUser', 'downloadGreeting']));
});
