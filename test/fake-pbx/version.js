'use strict';
// Which 3CX update the fake plays (the `version` option): behaviour that changed between updates
// follows it.

/** '20.0.6.1000' is before '20.0.7'. */
function versionBefore(version, than) {
	const a = String(version).split('.').map(Number);
	const b = than.split('.').map(Number);
	for (let i = 0; i < b.length; i++) if ((a[i] || 0) !== b[i]) return (a[i] || 0) < b[i];
	return false;
}

/** From 20.0.6 new calls go to the call log (GetCallLogData); CallHistoryView keeps the older ones. */
const keepsCallLog = (version) => !versionBefore(version, '20.0.6');

/** expires_in is in minutes before 20.0.9, in seconds from 20.0.9 on. */
const expiresInUnitOf = (version) => (versionBefore(version, '20.0.9') ? 'minutes' : 'seconds');

module.exports = { versionBefore, keepsCallLog, expiresInUnitOf };
