import type { DB } from '../db/connect.ts';
import { schoolSearchKey } from '../../search/keys.ts';
import type { SchoolRecord } from './record.ts';

// Schools read and written as whole records (row + enrolment). Every write refreshes name_search.

export interface StoredSchool {
	id: number;
	version: number;
	districtId: number;
	record: SchoolRecord;
}

/** Keeps each statement well under SQLite's limit on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

function storedSchools(db: DB) {
	return db
		.selectFrom('schools')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select([
			'schools.id',
			'schools.version',
			'areas.district_id',
			'schools.ministry_code',
			'schools.name',
			'schools.level',
			'schools.gender',
			'schools.neighborhood_id',
			'schools.address',
			'schools.principal_name',
			'schools.phone'
		]);
}

type StoredRow = Awaited<ReturnType<ReturnType<typeof storedSchools>['execute']>>[number];

async function withEnrolment(db: DB, rows: StoredRow[]): Promise<StoredSchool[]> {
	const enrolment = new Map<number, { grade: number; students: number }[]>();
	for (const ids of chunks(rows.map((r) => r.id))) {
		const found = await db
			.selectFrom('school_enrolments')
			.select(['school_id', 'grade', 'students'])
			.where('school_id', 'in', ids)
			.orderBy('school_id')
			.orderBy('grade')
			.execute();
		for (const e of found) {
			const list = enrolment.get(e.school_id) ?? [];
			list.push({ grade: e.grade, students: e.students });
			enrolment.set(e.school_id, list);
		}
	}
	return rows.map(({ id, version, district_id, ...row }) => ({
		id,
		version,
		districtId: district_id,
		record: { ...row, enrolment: enrolment.get(id) ?? [] }
	}));
}

export async function findStoredSchool(db: DB, id: number): Promise<StoredSchool | null> {
	const row = await storedSchools(db).where('schools.id', '=', id).executeTakeFirst();
	return row ? ((await withEnrolment(db, [row]))[0] ?? null) : null;
}

/** The stored schools with these ministry codes, in any district, by code. */
export async function findStoredSchoolsByCode(
	db: DB,
	codes: string[]
): Promise<Map<string, StoredSchool>> {
	const rows: StoredRow[] = [];
	for (const part of chunks([...new Set(codes)]))
		rows.push(...(await storedSchools(db).where('schools.ministry_code', 'in', part).execute()));
	const schools = await withEnrolment(db, rows);
	return new Map(schools.map((s) => [s.record.ministry_code, s]));
}

/** The schools row of a record, with its search key. */
export function schoolRowValues(record: SchoolRecord) {
	const { enrolment: _enrolment, ...row } = record;
	return { ...row, name_search: schoolSearchKey(record) };
}

export async function insertSchoolRecord(db: DB, record: SchoolRecord): Promise<number> {
	const { id } = await db
		.insertInto('schools')
		.values(schoolRowValues(record))
		.returning('id')
		.executeTakeFirstOrThrow();
	await insertEnrolments(db, [{ schoolId: id, enrolment: record.enrolment }]);
	return id;
}

/** False when the row's version is no longer `version`: someone else saved first. */
export async function updateSchoolRecord(
	db: DB,
	id: number,
	version: number,
	record: SchoolRecord
): Promise<boolean> {
	const result = await db
		.updateTable('schools')
		.set({ ...schoolRowValues(record), version: version + 1 })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) return false;
	await db.deleteFrom('school_enrolments').where('school_id', '=', id).execute();
	await insertEnrolments(db, [{ schoolId: id, enrolment: record.enrolment }]);
	return true;
}

export async function insertEnrolments(
	db: DB,
	schools: { schoolId: number; enrolment: SchoolRecord['enrolment'] }[]
): Promise<void> {
	const rows = schools.flatMap(({ schoolId, enrolment }) =>
		enrolment.map((e) => ({ school_id: schoolId, grade: e.grade, students: e.students }))
	);
	for (const part of chunks(rows)) await db.insertInto('school_enrolments').values(part).execute();
}
