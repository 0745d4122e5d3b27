import { z } from 'zod';
import { studentField, studentGenders, type AttendanceCounts } from '../../attendance/counts.ts';
import { eventCountFields, type EventAttendanceCounts } from '../../attendance/event-counts.ts';
import { attendanceFields, countsOf } from '../../schemas/attendance.ts';
import { eventAttendanceFields, eventCountsOf } from '../../schemas/event-attendance.ts';

// The week page's one form. A session's boxes are `<id>.teachers`, `<id>.girls_7`..., a campaign
// event's `e<id>.adults_women`...; each has its `.version`. A subject whose boxes are all empty is
// left alone; in one with something typed, an empty box counts as 0. Each box is checked like the
// subject's own form, and its errors are reported under the same name.

const sessionSchema = z.object(attendanceFields);
const eventSchema = z.object(eventAttendanceFields);

export interface WeekRow {
	sessionId: number;
	version: number;
	counts: AttendanceCounts;
}

export interface WeekEventRow {
	eventId: number;
	version: number;
	counts: EventAttendanceCounts;
}

export interface WeekForm {
	/** As typed, to show the form again. */
	values: Record<string, string>;
	errors: Record<string, string[]>;
	rows: WeekRow[];
	events: WeekEventRow[];
}

/** The names of a session's boxes (without the `<id>.` prefix). */
export function weekFieldNames(grades: readonly number[]): string[] {
	const students = grades.flatMap((grade) =>
		studentGenders.map((gender) => studentField(gender, grade))
	);
	return [...students, 'teachers', 'parents'];
}

/** The prefix of a campaign event's boxes. */
export const eventKey = (eventId: number): string => `e${eventId}`;

/** One subject's boxes, checked: undefined when all are empty or something is wrong (noted). */
function readBoxes<T>(
	data: FormData,
	form: WeekForm,
	key: string,
	names: readonly string[],
	schema: z.ZodType<T>
): { version: number; fields: T } | undefined {
	const typed = Object.fromEntries(
		names.map((name) => [name, String(data.get(`${key}.${name}`) ?? '').slice(0, 20)])
	);
	for (const name of names) form.values[`${key}.${name}`] = typed[name]!;
	if (names.every((name) => typed[name]!.trim() === '')) return undefined;

	const parsed = schema.safeParse(
		Object.fromEntries(names.map((n) => [n, typed[n]!.trim() || '0']))
	);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const name = `${key}.${String(issue.path[0])}`;
			form.errors[name] = [...(form.errors[name] ?? []), issue.message];
		}
		return undefined;
	}
	const version = Number(data.get(`${key}.version`));
	return {
		version: Number.isSafeInteger(version) && version >= 0 ? version : 0,
		fields: parsed.data
	};
}

export function readWeekForm(
	data: FormData,
	sessions: readonly { id: number; grades: readonly number[] }[],
	events: readonly { id: number }[] = []
): WeekForm {
	const form: WeekForm = { values: {}, errors: {}, rows: [], events: [] };
	for (const session of sessions) {
		const read = readBoxes(
			data,
			form,
			String(session.id),
			weekFieldNames(session.grades),
			sessionSchema
		);
		if (read)
			form.rows.push({
				sessionId: session.id,
				version: read.version,
				counts: countsOf(read.fields, session.grades)
			});
	}
	for (const event of events) {
		const read = readBoxes(data, form, eventKey(event.id), eventCountFields, eventSchema);
		if (read)
			form.events.push({
				eventId: event.id,
				version: read.version,
				counts: eventCountsOf(read.fields)
			});
	}
	return form;
}
