import { getDayOfWeek, parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import type { BellSessionAudience } from '../db/schema.ts';
import { findSettings } from '../settings/repository.ts';
import { findCurrentSchoolYear } from '../school-years/repository.ts';
import {
	checkSlotFutureAndOpen,
	checkSlotWellFormed,
	type MalformedSlotProblem,
	type UnavailableSlotProblem
} from '../scheduling/slot-checks.ts';
import { minutesOf, sessionInstants } from './time.ts';

// The rules a session's slot and programme must meet, shared by proposals, counter-proposals and
// moves; a slot's form, start and closures are checked as a campaign event's are
// (scheduling/slot-checks.ts). Each check answers the first problem found, or null.

export type SlotProblem =
	| MalformedSlotProblem
	| { problem: 'friday' | 'outside_school_year' }
	| UnavailableSlotProblem
	| { problem: 'before_school_day' | 'after_school_day'; time: string }
	| { problem: 'facilitator_busy' | 'school_busy' };

export interface Slot {
	districtId: number;
	schoolId: number;
	centerId: number;
	facilitatorId: number;
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	startTime: string;
	durationMinutes: number;
	/** The session being moved, which must not conflict with itself. */
	excludeSessionId?: number;
	/** When given, a start at or before this moment is refused. */
	now?: Date;
}

// Sessions that still hold their slot.
const blockingStatuses = ['proposed', 'counter_proposed', 'confirmed', 'held'] as const;

async function isBooked(
	db: DB,
	column: 'school_id' | 'facilitator_id',
	id: number,
	startsAt: string,
	endsAt: string,
	excludeSessionId?: number
): Promise<boolean> {
	// Touching sessions (one ends when the next starts) do not overlap.
	let query = db
		.selectFrom('bell_sessions')
		.select('id')
		.where(column, '=', id)
		.where('status', 'in', blockingStatuses)
		.where('starts_at', '<', endsAt)
		.where('ends_at', '>', startsAt);
	if (excludeSessionId !== undefined) query = query.where('id', '<>', excludeSessionId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function checkSlot(db: DB, slot: Slot): Promise<SlotProblem | null> {
	const malformed = checkSlotWellFormed(slot);
	if (malformed) return malformed;
	// Sunday-first numbering: 5 is Friday.
	if (getDayOfWeek(parseDate(slot.date), 'en-US') === 5) return { problem: 'friday' };
	const year = await findCurrentSchoolYear(db);
	if (!year || slot.date < year.starts_on || slot.date > year.ends_on)
		return { problem: 'outside_school_year' };
	const unavailable = await checkSlotFutureAndOpen(db, slot, slot.now);
	if (unavailable) return unavailable;

	const settings = await findSettings(db, slot.districtId);
	const start = minutesOf(slot.startTime);
	if (start < minutesOf(settings.school_day_starts))
		return { problem: 'before_school_day', time: settings.school_day_starts };
	if (start + slot.durationMinutes > minutesOf(settings.school_day_ends))
		return { problem: 'after_school_day', time: settings.school_day_ends };

	const { starts_at, ends_at } = sessionInstants(slot.date, slot.startTime, slot.durationMinutes);
	const exclude = slot.excludeSessionId;
	if (await isBooked(db, 'facilitator_id', slot.facilitatorId, starts_at, ends_at, exclude))
		return { problem: 'facilitator_busy' };
	if (await isBooked(db, 'school_id', slot.schoolId, starts_at, ends_at, exclude))
		return { problem: 'school_busy' };
	return null;
}

export type ProgrammeProblem =
	| 'topic_inactive'
	| 'topic_audience'
	| 'facilitator_inactive'
	| 'grades_required'
	| 'grades_not_allowed'
	| 'headcount';

export interface Programme {
	districtId: number;
	topicId: number;
	facilitatorId: number;
	audience: BellSessionAudience;
	grades: readonly number[];
	expectedHeadcount: number;
}

export const MAX_HEADCOUNT = 2000;

/** The topic, facilitator and audience of a session. */
export async function checkProgramme(db: DB, p: Programme): Promise<ProgrammeProblem | null> {
	const topic = await db
		.selectFrom('topics')
		.select(['active', 'for_students', 'for_parents', 'for_teachers'])
		.where('id', '=', p.topicId)
		.executeTakeFirst();
	if (!topic?.active) return 'topic_inactive';
	const forAudience = {
		students: topic.for_students,
		parents: topic.for_parents,
		teachers: topic.for_teachers
	}[p.audience];
	if (!forAudience) return 'topic_audience';
	const facilitator = await db
		.selectFrom('facilitators')
		.select('id')
		.where('id', '=', p.facilitatorId)
		.where('district_id', '=', p.districtId)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!facilitator) return 'facilitator_inactive';
	if (p.audience === 'students') {
		const valid = p.grades.every((g) => Number.isInteger(g) && g >= 1 && g <= 12);
		if (!p.grades.length || !valid) return 'grades_required';
	} else if (p.grades.length) return 'grades_not_allowed';
	const headcount = p.expectedHeadcount;
	if (!Number.isInteger(headcount) || headcount < 1 || headcount > MAX_HEADCOUNT)
		return 'headcount';
	return null;
}

/** Grades as stored: sorted, distinct, comma-separated; null when the audience is not students. */
export function gradesText(
	audience: BellSessionAudience,
	grades: readonly number[]
): string | null {
	if (audience !== 'students') return null;
	return [...new Set(grades)].sort((a, b) => a - b).join(',');
}
