import type { DB } from '../db/connect.ts';
import { MAX_DURATION, MIN_DURATION } from '../../schemas/fields.ts';
import { findClosuresOn } from '../closures/repository.ts';
import { isClockTime, isIsoDate, sessionInstants } from '../bell-sessions/time.ts';

// The checks a bell session's slot and a campaign event's slot share. They come in two steps
// because a session checks its own day rules (Friday, the school year) between them.

export interface PlannedSlot {
	districtId: number;
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	startTime: string;
	durationMinutes: number;
	/** Whose own closures count besides the district's holidays and exams. */
	schoolId?: number;
	centerId: number;
}

export type MalformedSlotProblem = {
	problem: 'date_invalid' | 'time_invalid' | 'duration_invalid';
};

export type UnavailableSlotProblem =
	{ problem: 'past' } | { problem: 'closure'; closure: { name_fa: string; name_en: string } };

export function isAllowedDuration(minutes: number): boolean {
	return Number.isInteger(minutes) && minutes >= MIN_DURATION && minutes <= MAX_DURATION;
}

/** A real calendar day, an 'HH:MM' time and an allowed length, or the first that is not. */
export function checkSlotWellFormed(
	slot: Pick<PlannedSlot, 'date' | 'startTime' | 'durationMinutes'>
): MalformedSlotProblem | null {
	if (!isIsoDate(slot.date)) return { problem: 'date_invalid' };
	if (!isClockTime(slot.startTime)) return { problem: 'time_invalid' };
	if (!isAllowedDuration(slot.durationMinutes)) return { problem: 'duration_invalid' };
	return null;
}

/**
 * A well-formed slot that starts after `now` (when given) on a day no closure of the district,
 * the school or the centre covers.
 */
export async function checkSlotFutureAndOpen(
	db: DB,
	slot: PlannedSlot,
	now?: Date
): Promise<UnavailableSlotProblem | null> {
	const { starts_at } = sessionInstants(slot.date, slot.startTime, slot.durationMinutes);
	if (now && starts_at <= now.toISOString()) return { problem: 'past' };
	const [closure] = await findClosuresOn(db, slot);
	if (closure)
		return { problem: 'closure', closure: { name_fa: closure.name_fa, name_en: closure.name_en } };
	return null;
}
