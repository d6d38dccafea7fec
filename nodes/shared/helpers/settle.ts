/** A request's outcome as a value, so that a failure can be looked at before deciding what to pass on. */
export type Settled<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

export async function settle<Result>(promise: Promise<Result>): Promise<Settled<Result>> {
	return await promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}
