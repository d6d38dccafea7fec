'use strict';
// One cold load, in a fresh process: require n8n-workflow, then a node, and
// serialize its description as n8n does for the editor. Reports the total and
// the part after n8n-workflow (the node's own cost).
//   node size-child.js threeCx|notion
const start = process.hrtime.bigint();
const path = require('path');
const { projectRoot, reportFromChild, elapsedMs } = require('./common');

const runtimeModules = path.join(projectRoot, '.cache', 'runtime', 'n8n', 'node_modules');

const targets = {
	threeCx: {
		// Resolved as the built node resolves it.
		n8nWorkflow: () => require(require.resolve('n8n-workflow', { paths: [path.join(projectRoot, 'dist')] })),
		description() {
			const { ThreeCx } = require(path.join(projectRoot, 'dist', 'nodes', 'ThreeCx', 'ThreeCx.node.js'));
			return new ThreeCx().description;
		},
	},
	notion: {
		n8nWorkflow: () => require(path.join(runtimeModules, 'n8n-workflow')),
		description() {
			// n8n's largest built-in description: Notion v2 (versions 2–2.2 share it).
			const { Notion } = require(path.join(runtimeModules, 'n8n-nodes-base', 'dist', 'nodes', 'Notion', 'Notion.node.js'));
			return new Notion().nodeVersions[2].description;
		},
	},
};

reportFromChild(() => {
	const target = targets[process.argv[2]];
	target.n8nWorkflow();
	const afterN8nWorkflow = process.hrtime.bigint();
	const json = JSON.stringify(target.description());
	return { ms: elapsedMs(start), ownMs: elapsedMs(afterN8nWorkflow), bytes: Buffer.byteLength(json) };
});
