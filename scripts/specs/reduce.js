#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Reduces 3CX's XAPI specs (../shared/xapi-spec/*.yaml, 8 MB) to the parts the generator reads,
 * each path operation and component stored once with the updates that have it: spec/xapi-model.json,
 * the generator's committed input. `--add <swagger> [--version 20.0.11]` merges a PBX's own spec
 * (https://<pbx>/xapi/v1/swagger.yaml) for an update the shared specs do not have yet.
 */
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { MODEL_FILE, compareVersions, modelDocs } = require('../generate/load-specs');
const { SPEC_DIR, loadYamlSpecs } = require('./yaml');

/** The methods the generator looks for (scripts/generate/operations.js). */
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const SECTIONS = ['parameters', 'requestBodies', 'responses', 'schemas'];

/**
 * Part of an OpenAPI document as js-yaml reads it: the reducer checks what it keeps itself.
 * @typedef {any} Raw
 * @typedef {Record<string, Raw>} RawObject
 * @typedef {import('../generate/model').SpecModel} SpecModel
 * @typedef {import('../generate/model').ModelVariant} ModelVariant
 * @typedef {{ version: string; doc: Raw }} RawSpec
 */

/** @type {(object: RawObject, fn: (value: Raw) => Raw) => RawObject} */
const mapValues = (object, fn) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
/** @type {(object: RawObject) => RawObject} */
const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/**
 * `title` is read only where a request body's schema is resolved (OData names action parameter
 * bodies "…RequestBody"), so nested schemas lose theirs.
 * @param {Raw} schema
 * @returns {Raw}
 */
function reduceSchema(schema, { titled = false } = {}) {
	if (!schema || typeof schema !== 'object') return schema;
	return defined({
		$ref: schema.$ref,
		type: schema.type,
		format: schema.format,
		nullable: schema.nullable,
		enum: schema.enum,
		title: titled ? schema.title : undefined,
		items: schema.items && reduceSchema(schema.items),
		properties: schema.properties && mapValues(schema.properties, (s) => reduceSchema(s)),
		allOf: schema.allOf?.map((/** @type {Raw} */ s) => reduceSchema(s)),
		anyOf: schema.anyOf?.map((/** @type {Raw} */ s) => reduceSchema(s)),
	});
}

/**
 * Query and header parameters count by name only; path parameters become typed inputs, keys recognised by their description.
 * @param {Raw} parameter
 */
function reduceParameter(parameter) {
	if (parameter.$ref) return { $ref: parameter.$ref };
	if (parameter.in !== 'path') return { name: parameter.name, in: parameter.in };
	return defined({
		name: parameter.name,
		in: parameter.in,
		description: parameter.description,
		'x-ms-docs-key-type': parameter['x-ms-docs-key-type'],
		schema: reduceSchema(parameter.schema),
	});
}

/**
 * @param {Raw} holder
 * @param {{ titled?: boolean }} [options]
 */
function reduceContent(holder, options) {
	if (holder.$ref) return { $ref: holder.$ref };
	const schema = holder.content?.['application/json']?.schema;
	return schema ? { content: { 'application/json': { schema: reduceSchema(schema, options) } } } : {};
}

/**
 * Only a success answer says what an operation returns; the rest are OData's error responses.
 * @param {Raw} operation
 */
function reduceOperation(operation) {
	const responses = Object.fromEntries(['200', '201'].filter((code) => operation.responses?.[code]).map((code) => [code, reduceContent(operation.responses[code])]));
	return defined({
		tags: operation.tags,
		operationId: operation.operationId,
		parameters: operation.parameters?.map(reduceParameter),
		requestBody: operation.requestBody && reduceContent(operation.requestBody, { titled: true }),
		responses,
	});
}

/**
 * @param {Raw} node
 * @param {string[]} [found]
 * @returns {string[]}
 */
function refsIn(node, found = []) {
	if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') found.push(value);
			else refsIn(value, found);
		}
	}
	return found;
}

/**
 * One update's spec as the generator reads it: its operations and the components they reach.
 * @param {Raw} doc
 * @returns {{ paths: Record<string, RawObject>; components: Record<string, RawObject> }}
 */
function reduceDoc(doc) {
	/** @type {Record<string, RawObject>} */
	const paths = {};
	for (const [name, item] of Object.entries(doc.paths ?? {})) {
		const operations = Object.fromEntries(METHODS.filter((m) => item[m]).map((m) => [m, reduceOperation(item[m])]));
		if (Object.keys(operations).length) paths[name] = operations;
	}
	/** @type {Record<string, (component: Raw) => Raw>} */
	const reducers = {
		parameters: reduceParameter,
		requestBodies: (body) => reduceContent(body, { titled: true }),
		responses: (response) => reduceContent(response),
		schemas: (schema) => reduceSchema(schema, { titled: true }),
	};
	/** @type {Record<string, RawObject>} */
	const components = Object.fromEntries(SECTIONS.map((section) => [section, {}]));
	const pending = refsIn(paths);
	while (pending.length) {
		const ref = /** @type {string} */ (pending.pop());
		const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
		if (!match || !reducers[match[1]]) throw new Error(`Unsupported reference ${ref}`);
		const [, section, name] = match;
		if (components[section][name]) continue;
		const source = doc.components?.[section]?.[name];
		if (!source) throw new Error(`Dangling reference ${ref}`);
		components[section][name] = reducers[section](source);
		pending.push(...refsIn(components[section][name]));
	}
	return { paths, components };
}

/**
 * Each path operation and component once, with the updates whose reduced form is exactly that.
 * @param {RawSpec[]} specs
 * @returns {SpecModel}
 */
function modelOf(specs) {
	const sorted = [...specs].sort((a, b) => compareVersions(a.version, b.version));
	/** @type {SpecModel} */
	const model = { updates: sorted.map((s) => s.version), paths: {}, components: Object.fromEntries(SECTIONS.map((s) => [s, {}])), schemaProperties: {} };
	/** @type {(holder: Record<string, ModelVariant[]>, key: string, version: string, value: Raw) => void} */
	const record = (holder, key, version, value) => {
		const variants = (holder[key] ??= []);
		const text = flatJson(value);
		const same = variants.find((v) => flatJson(v.value) === text);
		if (same) same.updates?.push(version);
		else variants.push({ updates: [version], value });
	};
	for (const { version, doc } of sorted) {
		for (const [name, operations] of Object.entries(/** @type {Record<string, RawObject>} */ (doc.paths))) {
			for (const [method, operation] of Object.entries(operations)) record((model.paths[name] ??= {}), method, version, operation);
		}
		for (const section of SECTIONS) {
			for (const [name, value] of Object.entries(/** @type {RawObject} */ (doc.components[section]))) {
				if (section !== 'schemas' || !value.properties) {
					record(model.components[section], name, version, value);
					continue;
				}
				// An entity gains and loses fields from update to update: each field is stored once,
				// and the schema once with its properties left empty (filled from schemaProperties).
				record(model.components.schemas, name, version, { ...value, properties: {} });
				for (const [property, schema] of Object.entries(value.properties)) record((model.schemaProperties[name] ??= {}), property, version, schema);
			}
		}
	}
	// Most things are in every update: only the rest say which updates they are in.
	const everyUpdate = flatJson(model.updates);
	/** @type {(entries: Record<string, Record<string, ModelVariant[]>>) => ModelVariant[]} */
	const variantsOf = (entries) => Object.values(entries).flatMap((holder) => Object.values(holder)).flat();
	for (const variant of [...variantsOf(model.paths), ...variantsOf(model.components), ...variantsOf(model.schemaProperties)]) {
		if (flatJson(variant.updates) === everyUpdate) delete variant.updates;
	}
	return model;
}

/**
 * Code-point order, so the file's bytes depend on nothing but its content.
 * @param {string} a
 * @param {string} b
 */
function compareCodePoints(a, b) {
	const x = [...a];
	const y = [...b];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = /** @type {number} */ (x[i].codePointAt(0)) - /** @type {number} */ (y[i].codePointAt(0));
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/**
 * JSON on one line, keys sorted.
 * @param {Raw} value
 * @returns {string}
 */
function flatJson(value) {
	if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort(compareCodePoints)
			.map((key) => `${JSON.stringify(key)}: ${flatJson(value[key])}`)
			.join(', ')}}`;
	}
	return JSON.stringify(value);
}

/** Longest line written whole: a field's schema or an update list fits, an entity does not. */
const LINE = 100;

/**
 * JSON with sorted keys, anything longer than a line broken up one key or item per line, so that
 * a new update shows as a reviewable diff. Keys are written in order here rather than left to
 * JSON.stringify, which puts integer-like keys ("200") first whatever the order.
 * @param {Raw} value
 * @returns {string}
 */
function stableJson(value, indent = '', column = 0) {
	const flat = flatJson(value);
	if (column + flat.length <= LINE || !value || typeof value !== 'object') return flat;
	const inner = `${indent}\t`;
	if (Array.isArray(value)) return `[\n${value.map((/** @type {Raw} */ item) => inner + stableJson(item, inner, inner.length)).join(',\n')}\n${indent}]`;
	const keys = Object.keys(value).sort(compareCodePoints);
	const line = (/** @type {string} */ key) => `${inner}${JSON.stringify(key)}: `;
	return `{\n${keys.map((key) => line(key) + stableJson(value[key], inner, line(key).length)).join(',\n')}\n${indent}}`;
}

/** @type {(specs: RawSpec[]) => string} */
const modelText = (specs) => `${stableJson(modelOf(specs.map(({ version, doc }) => ({ version, doc: reduceDoc(doc) }))))}\n`;

/**
 * The model (file text, or undefined for none yet) with one more update's spec, which replaces
 * the update's own if the model has it. The model's specs are reduced already, so they go in as
 * they are.
 * @param {string | undefined} text
 * @param {string} version
 * @param {Raw} doc
 */
function addedText(text, version, doc) {
	const others = text ? modelDocs(JSON.parse(text)).filter((s) => s.version !== version) : [];
	return `${stableJson(modelOf([...others, { version, doc: reduceDoc(doc) }]))}\n`;
}

/**
 * 3CX's swagger says "version: 1.0.0" (the API's version), so only a 3CX-like version is taken from it.
 * @param {Raw} doc
 * @param {string | undefined} given
 * @param {string} file
 * @returns {string}
 */
function versionOf(doc, given, file) {
	const version = given ?? doc.info?.version;
	if (!/^\d+\.\d+\.\d+$/.test(version ?? '') || (!given && !/^20\./.test(version))) {
		throw new Error(`${file}: ${given ? `--version ${given}` : `info.version ${version}`} is not a 3CX update like 20.0.11; give it as --version 20.0.11`);
	}
	return version;
}

/** @param {string[]} argv */
function main(argv) {
	const option = (/** @type {string} */ name) => {
		const i = argv.indexOf(name);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const addFile = option('--add');
	const modelFile = path.resolve(option('--model') ?? MODEL_FILE);
	if (addFile) {
		// A PBX's swagger may be YAML or JSON; js-yaml reads both.
		const doc = yaml.load(fs.readFileSync(addFile, 'utf8'));
		const version = versionOf(doc, option('--version'), addFile);
		fs.writeFileSync(modelFile, addedText(fs.existsSync(modelFile) ? fs.readFileSync(modelFile, 'utf8') : undefined, version, doc));
	} else {
		fs.writeFileSync(modelFile, modelText(loadYamlSpecs(option('--specs') ?? SPEC_DIR)));
	}
	const { updates } = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
	const size = fs.statSync(modelFile).size;
	console.log(`${path.relative(process.cwd(), modelFile)}: 3CX ${updates.join(', ')} in ${(size / 1024).toFixed(0)} KiB`);
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error(/** @type {Error} */ (error).message);
		process.exitCode = 1;
	}
}

module.exports = { reduceDoc, modelOf, modelText, addedText, stableJson };
