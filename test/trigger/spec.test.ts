import { EVENTS } from '../../nodes/ThreeCxTrigger/events';
import { SEVERITIES } from '../../nodes/ThreeCxTrigger/events/eventLog';
import { STATUS_FIELDS } from '../../nodes/ThreeCxTrigger/events/userStatus';
import { compareVersions, loadSpecs } from '../../scripts/generate/load-specs.js';
import type { SpecDoc } from '../../scripts/generate/model';

interface Schema {
	$ref?: string;
	allOf?: Schema[];
	properties?: Record<string, Schema>;
	items?: Schema;
	enum?: string[];
}

const specs = loadSpecs();
const refName = (ref: string) => ref.split('/').pop()!;

/** Every property of a schema, through $ref and allOf. */
function properties(spec: SpecDoc, schema: Schema): Record<string, Schema> {
	if (schema.$ref) return properties(spec, spec.components!.schemas[refName(schema.$ref)]);
	return Object.assign({}, ...(schema.allOf ?? []).map((part) => properties(spec, part)), schema.properties ?? {});
}

/** The schema of one row of the collection a GET answers. */
function rowSchema(spec: SpecDoc, path: string): Schema {
	const ok = spec.paths[path].get!.responses['200'];
	const body = ok.$ref ? spec.components!.responses[refName(ok.$ref)].content['application/json'].schema : ok.content!['application/json'].schema;
	return properties(spec, body).value.items!;
}

const reads = EVENTS.flatMap((event) => event.reads.map((read) => [event.option.value, read.source.path, read] as const));

describe("the trigger's queries against 3CX's specs 20.0.4–20.0.10", () => {
	it.each(reads)('%s reads %s: the path, its query options and every field it names exist wherever the path exists', (_event, path, read) => {
		const since = /^3CX (\S+) and later$/.exec(read.source.versions ?? '')?.[1];
		for (const { version, doc } of specs) {
			const expected = since === undefined || compareVersions(version, since) >= 0;
			// Before `since` the path is absent, or there but not read (the call log of 20.0.4–20.0.5).
			if (!expected && !read.source.notReadBefore) expect([version, path, !!doc.paths[path]?.get]).toEqual([version, path, false]);
			if (!expected) continue;
			expect([version, path, !!doc.paths[path]?.get]).toEqual([version, path, true]);
			const options = doc.paths[path].get!.parameters!.map((p: { name?: string; $ref?: string }) => p.name ?? refName(p.$ref!));
			expect(options).toEqual(expect.arrayContaining(['filter', 'top', '$orderby', '$select']));
			const row = properties(doc, rowSchema(doc, path));
			expect([version, path, read.fields.filter((field) => !row[field])]).toEqual([version, path, []]);
		}
	});

	it('names the event-log severities and user status fields as every update does', () => {
		for (const { doc } of specs) {
			expect(doc.components!.schemas['Pbx.EventLogType'].enum).toEqual(SEVERITIES);
			expect(Object.keys(properties(doc, doc.components!.schemas['Pbx.User']))).toEqual(expect.arrayContaining(STATUS_FIELDS));
		}
	});

	it('covers every event', () => {
		expect(new Set(reads.map(([event]) => event))).toEqual(new Set(EVENTS.map((event) => event.option.value)));
		expect(reads.find(([, path]) => path === '/LastCdrAndChatMessageTimestamp')?.[2].source.versions).toBe('3CX 20.0.7 and later');
	});
});
