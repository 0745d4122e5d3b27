import type { DB } from '../db/connect.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';
import type { Actor } from '../auth/actor.ts';

// What every directory change answers, and how it is audited.

export type DirectoryFieldError =
	| 'outside_districts'
	| 'area_number_taken'
	| 'neighborhood_name_taken'
	| 'area_other_district'
	| 'manager_invalid'
	| 'manager_last_center';

export type DirectoryChangeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: DirectoryFieldError; field: string; name?: string };

export type DirectoryEntity = 'area' | 'neighborhood' | 'center';

export function auditDirectoryChange(
	db: DB,
	actor: Actor,
	action: Extract<AuditAction, 'record_created' | 'record_updated'>,
	entity: { type: DirectoryEntity; id: number; subject: string },
	now: Date,
	change: { before?: unknown; after: unknown }
): Promise<void> {
	return recordAudit(
		db,
		{
			actorId: actor.id,
			ip: actor.ip,
			action,
			entityType: entity.type,
			entityId: entity.id,
			subject: entity.subject,
			...change
		},
		now
	);
}

/** Whether an update that required `version` found it (zero rows: someone saved first). */
export function updatedOne(result: { numUpdatedRows: bigint }): boolean {
	return Number(result.numUpdatedRows) > 0;
}
