import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { shared } from './generated';

/**
 * The canvas subtitle: the chosen action's label, e.g. "Get many users". The editor knows only
 * the parameter values, so this expression rebuilds the label by the generator's rule, looking up
 * the labels the rule gets wrong and those of the hand-written `operations` selectors.
 */
export function subtitleExpression(operations: INodeProperties[]): string {
	const handWritten = operations.flatMap((selector) => (selector.options as INodePropertyOptions[]).map((option) => [String(option.value), option.action ?? option.name]));
	const labels = { ...shared.subtitleLabels, ...Object.fromEntries(handWritten) };
	return `={{ (${shared.subtitleRule})($parameter["operation"], $parameter["resource"], ${JSON.stringify(labels)}) }}`;
}
