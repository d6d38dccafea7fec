#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Generates the ThreeCx node's descriptions and endpoint table from 3CX's OpenAPI specs:
 * spec/xapi-model.json (npm run specs) → nodes/ThreeCx/generated/. Deterministic: same specs, same bytes.
 */
const path = require('path');
const { loadSpecs, MODEL_FILE } = require('./load-specs');
const { buildModel } = require('./operations');
const { identifier } = require('./naming');
const { compareText } = require('./order');
const { annotateLocators, locatorTable } = require('./locators');
const { operationSelector, operationInputs, endpoint, sharedProperties } = require('./descriptions');
const { subtitleParts } = require('./subtitle');
const { resourceValue } = require('./descriptions');
const { writeFiles, resourceFile, sharedFile, enumsFile, indexFile, locatorsFile } = require('./emit');

const OUT_DIR = path.resolve(__dirname, '../../nodes/ThreeCx/generated');

/**
 * @param {import('./model').Model} model
 * @returns {Record<string, Array<string | number>>}
 */
function collectEnums(model) {
	/** @type {Record<string, Array<string | number>>} */
	const enums = {};
	for (const op of [...model.resources.values()].flat()) {
		const typed = [...op.pathParams, ...(op.body?.fields ?? [])].map((f) => f.type);
		for (const type of typed) if (type.kind === 'e') enums[type.enumName] = type.values;
	}
	return Object.fromEntries(Object.entries(enums).sort(([a], [b]) => compareText(a, b)));
}

/**
 * @param {{ modelFile?: string; outDir?: string }} [where]
 * @returns {{ files: import('./emit').GeneratedFile[]; resources: number; operations: number; outDir: string }}
 */
function generate({ modelFile = MODEL_FILE, outDir = OUT_DIR } = {}) {
	const specs = loadSpecs(modelFile);
	const model = buildModel(specs);
	annotateLocators(model, specs);
	const { versions } = model;
	const files = [];
	const modules = [];
	const inputs = operationInputs([...model.resources.values()].flat(), versions);
	for (const [tag, operations] of model.resources) {
		const endpoints = Object.fromEntries(operations.map((op) => [op.value, endpoint(op, versions)]));
		const operation = operationSelector(tag, operations, versions);
		files.push(resourceFile(tag, { operation, ...inputs.forResource(tag), endpoints }, versions));
		modules.push({ tag, id: identifier(tag) });
	}
	const labelled = [...model.resources.values()].flat().map((op) => ({ value: op.value, resource: resourceValue(op.tag), action: op.action }));
	const subtitle = subtitleParts(labelled);
	files.push(sharedFile({ ...sharedProperties(model), subtitle, options: inputs.options, inputs: inputs.shared }, versions));
	files.push(enumsFile(collectEnums(model), versions));
	files.push(locatorsFile(locatorTable(), versions));
	files.push(indexFile(modules, versions));
	const operationCount = [...model.resources.values()].reduce((n, ops) => n + ops.length, 0);
	return { files, resources: model.resources.size, operations: operationCount, outDir };
}

if (require.main === module) {
	const result = generate();
	writeFiles(result.outDir, result.files);
	console.log(`Generated ${result.operations} operations in ${result.resources} resources → ${path.relative(process.cwd(), result.outDir)}`);
}

module.exports = { generate, OUT_DIR };
