import { signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// The bell-session pages. The demo's session 1 is a proposal at the school paired with دولاب
// (manager@'s centre, staff@'s school); session 7 is at شاهین (manager2@'s), outside both.
// Every POST is an incomplete form: validation refuses it and nothing changes. A user whose side
// of the handshake does not take the action gets 403; one who cannot see the session 404.

const row = (
	method: 'GET' | 'POST',
	route: string,
	path: string,
	expect: Record<Role, Outcome>
): MatrixRow => ({ route, method, path, expect, ...(method === 'POST' ? { form: {} } : {}) });

const proposers = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: 404,
	liaison: 404
});

// Session 1, in everyone's scope: the school answers, the centre (manager, admin) decides.
const schoolSide: Record<Role, Outcome> = {
	anonymous: 'login',
	admin: 403,
	center_manager: 403,
	school_staff: 400,
	liaison: 403
};
const centreSide: Record<Role, Outcome> = {
	anonymous: 'login',
	admin: 400,
	center_manager: 400,
	school_staff: 403,
	liaison: 403
};

// Session 7, at شاهین: only the admin (its district) and the liaison see it.
const elsewhere = (admin: Outcome, liaison: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin,
	center_manager: 404,
	school_staff: 404,
	liaison
});

export const sessionsRows: MatrixRow[] = [
	row('GET', '/sessions', '/sessions', signedIn(200)),
	row(
		'GET',
		'/sessions',
		'/sessions?status=confirmed&area=1&from=1405/09/01&to=1405/12/29',
		signedIn(200)
	),
	row(
		'GET',
		'/sessions',
		'/sessions?status=nonsense&school=abc&from=%3Cscript%3E&page=-3',
		signedIn(200)
	),
	row('GET', '/sessions/new', '/sessions/new', proposers(200)),
	row('GET', '/sessions/new', '/sessions/new?neighborhood=99999', proposers(200)),
	row('POST', '/sessions/new', '/sessions/new', proposers(400)),
	row('GET', '/sessions/[id]', '/sessions/1', signedIn(200)),
	row('GET', '/sessions/[id]', '/sessions/7', elsewhere(200, 200)),
	row('GET', '/sessions/[id]', '/sessions/99999', signedIn(404)),
	row('GET', '/sessions/[id]', '/sessions/abc', signedIn(404)),
	row('POST', '/sessions/[id]', '/sessions/1?/confirm', schoolSide),
	row('POST', '/sessions/[id]', '/sessions/1?/counter_propose', schoolSide),
	row('POST', '/sessions/[id]', '/sessions/1?/decline', schoolSide),
	row('POST', '/sessions/[id]', '/sessions/1?/accept', centreSide),
	row('POST', '/sessions/[id]', '/sessions/1?/change_time', centreSide),
	row('POST', '/sessions/[id]', '/sessions/1?/cancel', centreSide),
	row('POST', '/sessions/[id]', '/sessions/7?/confirm', elsewhere(403, 403)),
	row('POST', '/sessions/[id]', '/sessions/7?/cancel', elsewhere(400, 403)),
	row('POST', '/sessions/[id]', '/sessions/99999?/cancel', signedIn(404))
];
