import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

// Topics' audiences and facilitators' organizations with their labels, apart from the zod schemas
// (`schemas/catalogue.ts`) so that pages showing them do not ship zod to the browser.

export const audiences = ['students', 'parents', 'teachers'] as const;
export type Audience = (typeof audiences)[number];

export const organizations = [
	'welfare',
	'police',
	'counselling',
	'health',
	'education',
	'ngo',
	'other'
] as const;

export function audienceLabel(audience: Audience, locale?: Locale): string {
	return {
		students: m.catalogue_audience_students,
		parents: m.catalogue_audience_parents,
		teachers: m.catalogue_audience_teachers
	}[audience]({}, locale ? { locale } : undefined);
}

export function organizationLabel(organization: (typeof organizations)[number]): string {
	return {
		welfare: m.catalogue_organization_welfare,
		police: m.catalogue_organization_police,
		counselling: m.catalogue_organization_counselling,
		health: m.catalogue_organization_health,
		education: m.catalogue_organization_education,
		ngo: m.catalogue_organization_ngo,
		other: m.catalogue_organization_other
	}[organization]();
}

/** Labels as one line of text in the page's language: «الف، ب» or "a, b". */
export function joinLabels(labels: string[]): string {
	return labels.join(m.catalogue_list_separator());
}
