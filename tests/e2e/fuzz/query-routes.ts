// The routes the GET fuzzer asks (tests/e2e/fuzz/queries.ts): list pages, detail pages (at a
// record each role may read, found in the authorization matrix), downloads, the API and the
// calendar feed; and the notices their forms bring people back to.

export const routes = [
	'/sessions',
	'/sessions/new',
	'/campaigns',
	'/campaigns/new',
	'/coverage',
	'/calendar',
	'/attendance/week',
	'/schools',
	'/directory',
	'/pairings',
	'/school-years',
	'/facilitators',
	'/topics',
	'/inbox',
	'/admin/users',
	'/admin/audit',
	'/admin/closures',
	'/sessions/[id]',
	'/sessions/[id]/attendance',
	'/campaigns/[id]',
	'/campaigns/[id]/events/[eventId]/attendance',
	'/schools/[id]',
	'/directory/areas/[id]',
	'/directory/neighborhoods/[id]',
	'/topics/[id]',
	'/facilitators/[id]',
	'/admin/users/[id]',
	'/admin/closures/[id]',
	'/profile',
	'/coverage/export.csv',
	'/coverage/export.xlsx',
	'/schools/export.csv',
	'/schools/export.xlsx',
	'/api/v1/coverage',
	'/api/v1/sessions',
	'/calendar/feed/[token].ics'
];

/**
 * The notices a page shows when a form brings people back to it (`?done=cancel`, `?saved=1`...),
 * with the values the app's own redirects give them: no page links to them, so they are named here.
 */
export const noticeParams: Record<string, Record<string, string[]>> = {
	'/sessions/[id]': { done: ['proposed', 'confirm', 'cancel'] },
	'/sessions/[id]/attendance': { saved: ['attendance', 'feedback'] },
	'/campaigns/[id]': { done: ['created', 'updated', 'add', 'move', 'cancel', 'keep'] },
	'/campaigns/[id]/events/[eventId]/attendance': { saved: ['attendance', 'feedback'] },
	'/schools/[id]': { created: ['1'] },
	'/directory/areas/[id]': { created: ['1'] },
	'/directory/neighborhoods/[id]': { created: ['1'] },
	'/topics/[id]': { saved: ['1'] },
	'/facilitators/[id]': { saved: ['1'] },
	'/admin/users/[id]': { saved: ['1'] },
	'/admin/closures/[id]': { saved: ['1'] },
	'/admin/closures': { deleted: ['1'] },
	'/profile': { saved: ['1'] }
};
