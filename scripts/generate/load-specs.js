// @ts-check
'use strict';
const fs = require('fs');
const path = require('path');

/**
 * The generator's input: 3CX's specs as reduced by `npm run specs` (scripts/specs/reduce.js), kept
 * in the project so that generating needs nothing from outside it.
 */
const MODEL_FILE = path.resolve(__dirname, '../../spec/xapi-model.json');

/**
 * "20.0.10" sorts after "20.0.9": compare numerically, part by part.
 * @param {string} a
 * @param {string} b
 */
function compareVersions(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/**
 * Each update's spec rebuilt from the model, in the shape of the OpenAPI document it came from,
 * so the generator reads it as it read the YAML. A fresh copy per update: nothing is shared.
 * A variant without `updates` is in every update. An entity schema's properties are stored apart
 * from it, each once (schemaProperties).
 * @param {import('./model').SpecModel} model
 * @returns {import('./model').Spec[]}
 */
function modelDocs(model) {
	return model.updates.map((version) => {
		/** @param {import('./model').ModelVariant[]} variants */
		const pick = (variants) => variants.find((v) => !v.updates || v.updates.includes(version))?.value;
		/** @type {import('./model').SpecDoc['paths']} */
		const paths = {};
		for (const [name, methods] of Object.entries(model.paths)) {
			for (const [method, variants] of Object.entries(methods)) {
				const operation = pick(variants);
				if (operation) (paths[name] ??= {})[method] = structuredClone(operation);
			}
		}
		/** @type {Record<string, Record<string, any>>} */
		const components = {};
		for (const [section, entries] of Object.entries(model.components)) {
			components[section] = {};
			for (const [name, variants] of Object.entries(entries)) {
				const value = pick(variants);
				if (!value) continue;
				components[section][name] = structuredClone(value);
				if (section !== 'schemas' || !value.properties) continue;
				for (const [property, propertyVariants] of Object.entries(model.schemaProperties[name] ?? {})) {
					const schema = pick(propertyVariants);
					if (schema) components[section][name].properties[property] = structuredClone(schema);
				}
			}
		}
		return { version, doc: { paths, components } };
	});
}

/**
 * Every 3CX update's spec, oldest first.
 * @returns {import('./model').Spec[]}
 */
function loadSpecs(modelFile = MODEL_FILE) {
	return modelDocs(JSON.parse(fs.readFileSync(modelFile, 'utf8')));
}

module.exports = { MODEL_FILE, loadSpecs, modelDocs, compareVersions };
