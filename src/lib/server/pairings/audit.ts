import type { DB } from '../db/connect.ts';
import { recordAudit, type AuditAction } from '../audit/repository.ts';

// Every pairing change is audited in its own transaction, with names as well as ids so the
// audit log can be searched and read after the records change.

export interface PairingActor {
	id: number;
	role: string;
	districtIds: number[];
	ip: string | null;
}

export interface PairingDescription {
	school_year_id: number;
	school_year: string;
	neighborhood_id: number;
	neighborhood: string;
	school_id: number;
	school: string;
	other_area?: true;
}

export function auditPairingChange(
	db: DB,
	actor: PairingActor,
	action: AuditAction,
	pairingId: number | null,
	now: Date,
	change: { before?: unknown; after?: unknown; reason?: string }
): Promise<void> {
	return recordAudit(
		db,
		{
			actorId: actor.id,
			ip: actor.ip,
			action,
			entityType: 'pairing',
			entityId: pairingId,
			...change
		},
		now
	);
}
