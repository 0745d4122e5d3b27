import { z } from './z.ts';
import { getLocale } from '../paraglide/runtime.js';
import {
	eventCountFields,
	type EventAttendanceCounts,
	type EventCountField
} from '../attendance/event-counts.ts';
import { countField, countText } from './attendance.ts';

// A campaign event's attendance form: the six head counts (adults, youth and children by gender),
// each a whole number typed with Persian or Latin digits.

export const eventAttendanceFields = Object.fromEntries(
	eventCountFields.map((field) => [field, countField()])
) as Record<EventCountField, ReturnType<typeof countField>>;

/** `version` is the attendance's version the form was built from; 0 before any was recorded. */
export const eventAttendanceSchema = z.object({
	version: z.number().int().min(0),
	...eventAttendanceFields
});

export type EventAttendanceFormData = z.infer<typeof eventAttendanceSchema>;
export type EventAttendanceFields = Omit<EventAttendanceFormData, 'version'>;

/** Valid form fields as counts. */
export function eventCountsOf(data: EventAttendanceFields): EventAttendanceCounts {
	return Object.fromEntries(
		eventCountFields.map((field) => [field, Number(data[field])])
	) as EventAttendanceCounts;
}

/** Stored counts (or zeros) as form fields, in the digits of the page's language. */
export function eventFieldsOf(
	counts: EventAttendanceCounts | undefined,
	locale = getLocale()
): EventAttendanceFields {
	return Object.fromEntries(
		eventCountFields.map((field) => [field, countText(counts?.[field] ?? 0, locale)])
	) as EventAttendanceFields;
}
