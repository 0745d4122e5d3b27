import type { DB } from '../../db/connect.ts';
import type { SchoolRecord } from '../record.ts';
import { insertEnrolments, schoolRowValues } from '../store.ts';
import type { ImportPlan } from './plan.ts';

// Carries out a plan, a few hundred rows per statement; call it inside the transaction that
// made the plan, so nothing can change between the two.

const BATCH = 200;

function batches<T>(items: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
	return out;
}

async function insertNew(trx: DB, records: SchoolRecord[]) {
	const written: { schoolId: number; enrolment: SchoolRecord['enrolment'] }[] = [];
	for (const part of batches(records)) {
		const inserted = await trx
			.insertInto('schools')
			.values(part.map(schoolRowValues))
			.returning(['id', 'ministry_code'])
			.execute();
		const idOf = new Map(inserted.map((r) => [r.ministry_code, r.id]));
		for (const record of part)
			written.push({ schoolId: idOf.get(record.ministry_code)!, enrolment: record.enrolment });
	}
	return written;
}

/** Changed schools: matched by ministry code, every field replaced, the version moved on. */
async function updateChanged(trx: DB, updates: ImportPlan['update']) {
	for (const part of batches(updates)) {
		await trx
			.insertInto('schools')
			.values(part.map((u) => schoolRowValues(u.record)))
			.onConflict((oc) =>
				oc.column('ministry_code').doUpdateSet((eb) => ({
					name: eb.ref('excluded.name'),
					level: eb.ref('excluded.level'),
					gender: eb.ref('excluded.gender'),
					neighborhood_id: eb.ref('excluded.neighborhood_id'),
					address: eb.ref('excluded.address'),
					principal_name: eb.ref('excluded.principal_name'),
					phone: eb.ref('excluded.phone'),
					name_search: eb.ref('excluded.name_search'),
					version: eb('schools.version', '+', 1)
				}))
			)
			.execute();
		await trx
			.deleteFrom('school_enrolments')
			.where(
				'school_id',
				'in',
				part.map((u) => u.id)
			)
			.execute();
	}
	return updates.map((u) => ({ schoolId: u.id, enrolment: u.record.enrolment }));
}

export async function applyImportPlan(trx: DB, plan: ImportPlan): Promise<void> {
	const created = await insertNew(trx, plan.create);
	const updated = await updateChanged(trx, plan.update);
	await insertEnrolments(trx, [...created, ...updated]);
}
