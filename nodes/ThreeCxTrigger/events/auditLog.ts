import { appendOnlyEvent } from './appendOnly';

export const auditLog = appendOnlyEvent({
	option: {
		name: 'New Audit Log Entry',
		value: 'auditLog',
		description: 'Someone changed the configuration (in 3CX Admin or through the API)',
	},
	// The audit log is no entity set: 3CX serves it through this function only.
	source: { path: '/ReportAuditLog/Pbx.GetAuditLogData()' },
	key: 'Id',
});
