import { m } from '../paraglide/messages.js';

// A campaign event's attendance: head counts by age band and gender, never names. Adults are
// counted as women and men, youth and children as girls and boys. Each count is a column of
// campaign_event_attendance, named `<band>_<gender>`.

export const ageBands = ['adults', 'youth', 'children'] as const;
export type AgeBand = (typeof ageBands)[number];

export const eventCountFields = [
	'adults_women',
	'adults_men',
	'youth_girls',
	'youth_boys',
	'children_girls',
	'children_boys'
] as const;
export type EventCountField = (typeof eventCountFields)[number];

export type EventAttendanceCounts = Record<EventCountField, number>;

/** Each band's two counts, female first, as forms, tables and sheets lay them out. */
export const eventCountRows: { band: AgeBand; fields: [EventCountField, EventCountField] }[] =
	ageBands.map((band) => ({
		band,
		fields: eventCountFields.filter((field) => field.startsWith(`${band}_`)) as [
			EventCountField,
			EventCountField
		]
	}));

export function eventAttendanceTotal(counts: EventAttendanceCounts): number {
	return eventCountFields.reduce((sum, field) => sum + counts[field], 0);
}

const fieldLabels: Record<EventCountField, () => string> = {
	adults_women: m.attendance_event_adults_women,
	adults_men: m.attendance_event_adults_men,
	youth_girls: m.attendance_event_youth_girls,
	youth_boys: m.attendance_event_youth_boys,
	children_girls: m.attendance_event_children_girls,
	children_boys: m.attendance_event_children_boys
};

const bandLabels: Record<AgeBand, () => string> = {
	adults: m.attendance_event_band_adults,
	youth: m.attendance_event_band_youth,
	children: m.attendance_event_band_children
};

/** «زنان (۱۸ سال و بیشتر)», "Girls under 12"... */
export const eventCountLabel = (field: EventCountField): string => fieldLabels[field]();

export const ageBandLabel = (band: AgeBand): string => bandLabels[band]();
