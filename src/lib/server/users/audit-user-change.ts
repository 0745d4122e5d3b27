import type { DB } from '../db/connect.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';

export /** Audits a change to the user `userId`, made by `by` (an admin, or the user themself). */
function auditUserChange(
	db: DB,
	by: { id: number; ip: string | null },
	action: AuditAction,
	userId: number,
	now: Date,
	change: { before?: unknown; after?: unknown } = {}
): Promise<void> {
	return recordAudit(
		db,
		{ actorId: by.id, ip: by.ip, action, entityType: 'user', entityId: userId, ...change },
		now
	);
}
