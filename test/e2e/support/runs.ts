// Reading what a workflow run (n8n's IRun, as `n8n execute --rawOutput` prints it) produced.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkflowRun } from '../../../scripts/n8n';

/** Binary data as n8n keeps it on an item; in filesystem mode `id` points at the stored file. */
export interface BinaryData {
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	fileSize?: string;
	fileType?: string;
	id?: string;
	data?: string;
	[key: string]: unknown;
}

export interface RunItem {
	json: Record<string, any>;
	binary?: Record<string, BinaryData>;
}

export interface NodeError {
	message: string;
	description?: string;
	httpCode?: string;
	[key: string]: unknown;
}

interface NodeRun {
	data?: { main?: Array<RunItem[] | null> };
	error?: NodeError;
	executionStatus?: string;
}

function nodeRun(run: WorkflowRun, nodeName: string): NodeRun {
	const runs = run.data.resultData.runData[nodeName] as NodeRun[] | undefined;
	if (!runs?.length) {
		throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	}
	return runs[0];
}

/** Items (json and binary) of a node's first run, first main output. */
export function nodeItems(run: WorkflowRun, nodeName: string): RunItem[] {
	return nodeRun(run, nodeName).data?.main?.[0] ?? [];
}

/** JSON of a node's output items. */
export function nodeJson(run: WorkflowRun, nodeName: string): Array<Record<string, any>> {
	return nodeItems(run, nodeName).map((item) => item.json);
}

/** The error a node stopped with (undefined when it did not fail). */
export function nodeError(run: WorkflowRun, nodeName: string): NodeError | undefined {
	return nodeRun(run, nodeName).error;
}

/**
 * The bytes of binary data: inline base64 (`data`), or the file n8n's filesystem mode stored
 * under <userFolder>/.n8n/storage (id "filesystem-v2:<path>").
 */
export function binaryContent(binary: BinaryData, userFolder: string): Buffer {
	if (binary.data && binary.data !== 'filesystem-v2') return Buffer.from(binary.data, 'base64');
	const match = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id ?? '');
	if (!match) throw new Error(`binary data is neither inline nor on the filesystem: ${JSON.stringify(binary)}`);
	return readFileSync(join(userFolder, '.n8n', 'storage', match[1]));
}
