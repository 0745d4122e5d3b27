import { m } from '../paraglide/messages.js';

// The kinds of closure and their names, apart from the zod schemas (`schemas/closures.ts`) so that
// pages listing them do not ship zod to the browser.

export const closureKinds = ['holiday', 'exam', 'school', 'center'] as const;
export type ClosureKindName = (typeof closureKinds)[number];

export function closureKindLabel(kind: ClosureKindName): string {
	return {
		holiday: m.closures_kind_holiday,
		exam: m.closures_kind_exam,
		school: m.closures_kind_school,
		center: m.closures_kind_center
	}[kind]();
}
