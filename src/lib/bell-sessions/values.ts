// The values a session's fields take, apart from the zod schemas (`schemas/bell-sessions.ts`) so
// that pages listing them do not ship zod to the browser.

export const bellSessionAudiences = ['students', 'parents', 'teachers'] as const;

export const bellSessionStatuses = [
	'proposed',
	'counter_proposed',
	'confirmed',
	'held',
	'declined',
	'cancelled'
] as const;
