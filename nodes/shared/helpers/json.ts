/** JSON.parse, with a syntax error as a result rather than a throw. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, problem: (error as Error).message };
	}
}
