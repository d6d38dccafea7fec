/** What a live 3CX answers to a $top above its limit (100 on entity collections), with status 400. */
const TOP_LIMIT = /limit of '(\d+)' for Top query has been exceeded/i;

/**
 * The PBX's $top limit read from its 400 message ("The limit of '100' for Top query has been
 * exceeded. The value from the incoming request is '500'."), or undefined for any other message.
 */
export function topLimitFromError(message: string): number | undefined {
	const match = TOP_LIMIT.exec(message);
	if (!match) return undefined;
	const limit = Number(match[1]);
	return Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}
