import type { BellSessionStatus, CampaignEventStatus } from '../db/schema.ts';
import { studentGenders, type AttendanceCounts } from '../../attendance/counts.ts';
import { eventCountFields, type EventAttendanceCounts } from '../../attendance/event-counts.ts';
import { ATTENDANCE_MAX } from '../../schemas/attendance.ts';

// What attendance may be recorded: for a confirmed (or held) session or a scheduled (or held)
// campaign event that has started, whole numbers from 0 to 5000 and somebody present; for a
// session, students only in its grades.

export type AttendanceProblem =
	| 'not_started'
	| 'not_confirmed'
	| 'declined'
	| 'cancelled'
	| 'count_invalid'
	| 'grade_not_in_session'
	| 'nobody';

const stateProblems: Partial<Record<BellSessionStatus | CampaignEventStatus, AttendanceProblem>> = {
	proposed: 'not_confirmed',
	counter_proposed: 'not_confirmed',
	declined: 'declined',
	cancelled: 'cancelled'
};

/** Why attendance cannot be recorded for the session or event now, or null when it can. */
export function recordingProblem(
	subject: { status: BellSessionStatus | CampaignEventStatus; starts_at: string },
	now = new Date()
): AttendanceProblem | null {
	return (
		stateProblems[subject.status] ?? (now.toISOString() < subject.starts_at ? 'not_started' : null)
	);
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= ATTENDANCE_MAX;

/** Every count a whole number from 0 to 5000, and not all of them 0. */
function headCountsProblem(counts: readonly number[]): 'count_invalid' | 'nobody' | null {
	if (!counts.every(isCount)) return 'count_invalid';
	return counts.some((n) => n > 0) ? null : 'nobody';
}

export function countsProblem(
	counts: AttendanceCounts,
	grades: number[]
): AttendanceProblem | null {
	const problem = headCountsProblem([
		counts.teachers,
		counts.parents,
		...counts.students.map((s) => s.students)
	]);
	if (problem === 'count_invalid') return problem;
	if (counts.students.some((s) => s.students > 0 && !grades.includes(s.grade)))
		return 'grade_not_in_session';
	return problem;
}

export function eventCountsProblem(counts: EventAttendanceCounts): AttendanceProblem | null {
	return headCountsProblem(eventCountFields.map((field) => counts[field]));
}

/** Every grade of the session by gender, zeros included, so a stored 0 means "none came". */
export function studentsOf(
	counts: AttendanceCounts,
	grades: number[]
): AttendanceCounts['students'] {
	return grades.flatMap((grade) =>
		studentGenders.map((gender) => ({
			grade,
			gender,
			students: counts.students.find((s) => s.grade === grade && s.gender === gender)?.students ?? 0
		}))
	);
}

/** The counts as the audit log keeps them: { teachers, parents, girls_7, boys_7, ... }. */
export function snapshot(counts: AttendanceCounts): Record<string, number> {
	const students = counts.students.map((s) => [`${s.gender}_${s.grade}`, s.students]);
	return { teachers: counts.teachers, parents: counts.parents, ...Object.fromEntries(students) };
}

export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((key) => a[key] === b[key]);
}
