// The demo PBX should look like a real small company: no two people share a name (two "Greta
// Wagner"s looked like a bug when searching in the editor).
const { createSeedState } = require('./seed-data') as { createSeedState: (options: object) => Record<string, { toArray?: () => PbxRow[] } & PbxRow[]> };

interface PbxRow {
	FirstName?: string;
	LastName?: string;
	Name?: string;
}

const rows = (set: string): PbxRow[] => {
	const value = createSeedState({ seed: 1, callHistoryRows: 10, callLogRows: 10, version: '20.0.10' })[set];
	return value.toArray ? value.toArray() : value;
};
const repeated = (names: string[]) => names.filter((name, i) => names.indexOf(name) !== i);

test.each(['Users', 'Contacts'])('no two %s have the same first and last name', (set) => {
	const people = rows(set);
	expect(people.length).toBeGreaterThan(30);
	expect(repeated(people.map((p) => `${p.FirstName} ${p.LastName}`))).toEqual([]);
});

test.each(['Queues', 'RingGroups', 'Receptionists', 'CallFlowApps'])('no two %s have the same name', (set) => {
	expect(repeated(rows(set).map((r) => r.Name!))).toEqual([]);
});
