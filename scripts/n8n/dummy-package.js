'use strict';
// Writes a minimal n8n community-node package (plain JS, no build step) for
// tests of n8n's package installer. Its node "Dummy" copies each input item
// and adds `dummy: true`.
const fs = require('fs');
const path = require('path');

const NODE_SOURCE = `'use strict';
class Dummy {
	constructor() {
		this.description = {
			displayName: 'Dummy',
			name: 'dummy',
			group: ['transform'],
			version: 1,
			description: 'Adds dummy: true to every item',
			defaults: { name: 'Dummy' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
	}

	async execute() {
		return [this.getInputData().map((item) => ({ json: { ...item.json, dummy: true } }))];
	}
}
module.exports = { Dummy };
`;

/**
 * @returns {{ dir, name, version, nodeType }} nodeType as n8n names it
 *   once installed: `<package name>.<node name>`
 */
function writeDummyPackage(dir, { name = 'n8n-nodes-smoke-dummy', version = '0.0.1' } = {}) {
	fs.mkdirSync(path.join(dir, 'dist', 'nodes', 'Dummy'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'dist', 'nodes', 'Dummy', 'Dummy.node.js'), NODE_SOURCE);
	const packageJson = {
		name,
		version,
		description: 'Throw-away package for n8n community-package tests',
		license: 'MIT',
		keywords: ['n8n-community-node-package'],
		main: 'dist/nodes/Dummy/Dummy.node.js',
		files: ['dist'],
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/Dummy/Dummy.node.js'], credentials: [] },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
	return { dir, name, version, nodeType: `${name}.dummy` };
}

module.exports = { writeDummyPackage };
