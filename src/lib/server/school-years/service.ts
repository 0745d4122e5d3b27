import type { DB } from '../db/connect.ts';
import type { SchoolYear } from '../db/schema.ts';
import { recordAudit } from '../audit/repository.ts';
import { toPersianDigits } from '../../i18n/digits.ts';
import { schoolYearStarting } from '../../i18n/jalali.ts';
import {
	findCurrentSchoolYear,
	findOverlappingSchoolYear,
	findSchoolYearById
} from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// School years are one calendar for every district, so they have no district of their own.
// Only admins may add one or change which is current (the routes require the admin role).

export interface SchoolYearActor {
	id: number;
	ip: string | null;
}

export type SchoolYearResult =
	| { ok: true; year: SchoolYear }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: 'exists' | 'overlaps'; label: string };

/** «۱۴۰۶–۱۴۰۷» for the school year starting in 1406. */
export function schoolYearLabel(startYear: number): string {
	return toPersianDigits(`${startYear}–${startYear + 1}`);
}

function describe(year: Pick<SchoolYear, 'label' | 'starts_on' | 'ends_on' | 'is_current'>) {
	return {
		label: year.label,
		starts_on: year.starts_on,
		ends_on: year.ends_on,
		is_current: year.is_current
	};
}

/** 1 Mehr of `startYear` to 31 Shahrivar of the next year; not current until made so. */
export async function addSchoolYear(
	db: DB,
	actor: SchoolYearActor,
	startYear: number,
	now = new Date()
): Promise<SchoolYearResult> {
	const span = schoolYearStarting(startYear);
	const label = schoolYearLabel(startYear);
	return inTransaction(db, async (trx): Promise<SchoolYearResult> => {
		const overlapping = await findOverlappingSchoolYear(trx, span.startsOn, span.endsOn);
		if (overlapping)
			return {
				ok: false,
				error: overlapping.label === label ? 'exists' : 'overlaps',
				label: overlapping.label
			};
		const year = await trx
			.insertInto('school_years')
			.values({ label, starts_on: span.startsOn, ends_on: span.endsOn, is_current: 0 })
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'record_created',
				entityType: 'school_year',
				entityId: year.id,
				subject: label,
				after: describe(year)
			},
			now
		);
		return { ok: true, year };
	});
}

/** Makes one school year current and every other not, all at once. */
export async function makeSchoolYearCurrent(
	db: DB,
	actor: SchoolYearActor,
	yearId: number,
	version: number,
	now = new Date()
): Promise<SchoolYearResult> {
	return inTransaction(db, async (trx): Promise<SchoolYearResult> => {
		const year = await findSchoolYearById(trx, yearId);
		if (!year) return { ok: false, error: 'not_found' };
		if (year.version !== version) return { ok: false, error: 'stale' };
		if (year.is_current) return { ok: true, year };
		const previous = await findCurrentSchoolYear(trx);
		// The old current year first: the database allows only one current year at a time.
		await trx
			.updateTable('school_years')
			.set((eb) => ({ is_current: 0, version: eb('version', '+', 1) }))
			.where('is_current', '=', 1)
			.execute();
		const updated = await trx
			.updateTable('school_years')
			.set({ is_current: 1, version: version + 1 })
			.where('id', '=', yearId)
			.where('version', '=', version)
			.returningAll()
			.executeTakeFirst();
		if (!updated) return { ok: false, error: 'stale' };
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'school_year_made_current',
				entityType: 'school_year',
				entityId: yearId,
				subject: year.label,
				before: previous ? { current: previous.label } : null,
				after: { current: updated.label }
			},
			now
		);
		return { ok: true, year: updated };
	});
}
