import { sameRecord, type SchoolRecord } from '../record.ts';
import type { StoredSchool } from '../store.ts';

// What an import would do, school by school: matched by ministry code, a school is new,
// changed or already as the file says.

export interface ImportPlan {
	create: SchoolRecord[];
	update: { id: number; version: number; record: SchoolRecord }[];
	unchanged: number;
}

export interface ImportCounts {
	created: number;
	updated: number;
	unchanged: number;
}

export function planImport(
	records: { record: SchoolRecord }[],
	existing: Map<string, StoredSchool>
): ImportPlan {
	const plan: ImportPlan = { create: [], update: [], unchanged: 0 };
	for (const { record } of records) {
		const stored = existing.get(record.ministry_code);
		if (!stored) plan.create.push(record);
		else if (sameRecord(stored.record, record)) plan.unchanged += 1;
		else plan.update.push({ id: stored.id, version: stored.version, record });
	}
	return plan;
}

export function countPlan(plan: ImportPlan): ImportCounts {
	return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged };
}
