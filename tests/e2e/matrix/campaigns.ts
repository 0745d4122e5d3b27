import { signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// The Sunday-campaign pages. The demo's campaign 1 is at دولاب's centre (manager@'s; staff@'s
// school is in دولاب, so staff@ reads it too); campaign 3 is at شاهین (manager2@'s), which only
// the admin and the liaison of the district see. Every POST but one is an incomplete form:
// validation refuses it and nothing changes. Readers who may not change a campaign get 403;
// users who cannot see it 404.

const row = (
	method: 'GET' | 'POST',
	route: string,
	path: string,
	expect: Record<Role, Outcome>,
	form: Record<string, string> = {}
): MatrixRow => ({ route, method, path, expect, ...(method === 'POST' ? { form } : {}) });

const planners = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: 404,
	liaison: 404
});

// Campaign 1: its manager and the admin change it, staff@ and the liaison only read it.
const changers = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: 403,
	liaison: 403
});

// Campaign 3, at شاهین: the admin changes it, the liaison reads it, the others do not see it.
const elsewhere = (admin: Outcome, liaison: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin,
	center_manager: 404,
	school_staff: 404,
	liaison
});

// A complete plan at a centre nobody has: refused as not found, even for the admin.
const unknownCentre = {
	center_id: '99999',
	title: 'پویش',
	topic_id: '1',
	audience: 'public',
	first_date: '1406/01/15',
	last_date: '1406/03/29',
	weekday: '0',
	start_time: '16:00',
	duration_minutes: '90',
	facilitator_id: '0'
};

export const campaignsRows: MatrixRow[] = [
	row('GET', '/campaigns', '/campaigns', signedIn(200)),
	row('GET', '/campaigns', '/campaigns?center=1&period=running', signedIn(200)),
	row('GET', '/campaigns', '/campaigns?center=abc&period=%3Cscript%3E&page=-3', signedIn(200)),
	row('GET', '/campaigns/new', '/campaigns/new', planners(200)),
	row('GET', '/campaigns/new', '/campaigns/new?center=99999', planners(200)),
	row('POST', '/campaigns/new', '/campaigns/new?/preview', planners(400)),
	row('POST', '/campaigns/new', '/campaigns/new?/save', planners(400)),
	row('POST', '/campaigns/new', '/campaigns/new?/preview', planners(404), unknownCentre),
	row('GET', '/campaigns/[id]', '/campaigns/1', signedIn(200)),
	row('GET', '/campaigns/[id]', '/campaigns/3', elsewhere(200, 200)),
	row('GET', '/campaigns/[id]', '/campaigns/99999', signedIn(404)),
	row('GET', '/campaigns/[id]', '/campaigns/abc', signedIn(404)),
	row('POST', '/campaigns/[id]', '/campaigns/1?/move', changers(400)),
	row('POST', '/campaigns/[id]', '/campaigns/1?/cancel', changers(400)),
	row('POST', '/campaigns/[id]', '/campaigns/1?/keep', changers(400)),
	row('POST', '/campaigns/[id]', '/campaigns/1?/add', changers(400)),
	row('POST', '/campaigns/[id]', '/campaigns/3?/cancel', elsewhere(400, 403)),
	row('POST', '/campaigns/[id]', '/campaigns/99999?/cancel', signedIn(404)),
	row('GET', '/campaigns/[id]/edit', '/campaigns/1/edit', changers(200)),
	row('GET', '/campaigns/[id]/edit', '/campaigns/3/edit', elsewhere(200, 403)),
	row('GET', '/campaigns/[id]/edit', '/campaigns/99999/edit', signedIn(404)),
	row('POST', '/campaigns/[id]/edit', '/campaigns/1/edit?/preview', changers(400)),
	row('POST', '/campaigns/[id]/edit', '/campaigns/1/edit?/apply', changers(400)),
	row('POST', '/campaigns/[id]/edit', '/campaigns/3/edit?/apply', elsewhere(400, 403))
];
