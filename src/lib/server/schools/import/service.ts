import type { DB } from '../../db/connect.ts';
import { recordAudit } from '../../audit/repository.ts';
import type { Actor } from '../../auth/actor.ts';
import type { ImportError, ImportTable } from './columns.ts';
import { countPlan, planImport, type ImportCounts } from './plan.ts';
import { validateImport } from './validate-rows.ts';
import { applyImportPlan } from './write-rows.ts';
import { inTransaction } from '../../db/transaction.ts';

// A school file, all or nothing: a preview that writes nothing, and a commit that validates
// again (the directory may have changed since) and upserts by ministry code in one transaction.

export type ImportResult =
	| { ok: false; errors: ImportError[]; rows: number }
	| { ok: true; counts: ImportCounts; rows: number };

export async function previewImport(
	db: DB,
	actor: Actor,
	table: ImportTable
): Promise<ImportResult> {
	const { records, errors, existing } = await validateImport(db, actor.districtIds, table);
	if (errors.length) return { ok: false, errors, rows: table.rows.length };
	return { ok: true, counts: countPlan(planImport(records, existing)), rows: table.rows.length };
}

/** Importing the same file twice changes nothing the second time, and leaves no audit entry. */
export async function commitImport(
	db: DB,
	actor: Actor,
	table: ImportTable,
	fileName: string,
	now = new Date()
): Promise<ImportResult> {
	return inTransaction(db, async (trx): Promise<ImportResult> => {
		const { records, errors, existing } = await validateImport(trx, actor.districtIds, table);
		if (errors.length) return { ok: false, errors, rows: table.rows.length };
		const plan = planImport(records, existing);
		const counts = countPlan(plan);
		if (counts.created + counts.updated > 0) {
			await applyImportPlan(trx, plan);
			await recordAudit(
				trx,
				{
					actorId: actor.id,
					ip: actor.ip,
					action: 'schools_imported',
					entityType: 'school',
					subject: fileName,
					after: { file: fileName, rows: table.rows.length, ...counts }
				},
				now
			);
		}
		return { ok: true, counts, rows: table.rows.length };
	});
}
