import { topLimitFromError } from '../../nodes/shared/transport/topLimit';

describe('topLimitFromError', () => {
	it("reads the limit from 3CX's 400 message", () => {
		const message = "The query specified in the URI is not valid. The limit of '100' for Top query has been exceeded. The value from the incoming request is '500'.";
		expect(topLimitFromError(message)).toBe(100);
		expect(topLimitFromError(`3CX: ${message.replace('100', '50')}`)).toBe(50);
	});

	it.each(['Number: already in use', "The limit of '0' for Top query has been exceeded.", "The limit of 'x' for Top query has been exceeded.", ''])(
		'gives undefined for %j',
		(message) => expect(topLimitFromError(message)).toBeUndefined(),
	);
});
