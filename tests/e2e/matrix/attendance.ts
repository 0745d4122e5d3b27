import { signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// Attendance pages. In the demo, session 4 is a confirmed session in the past at دولاب (manager@'s
// centre, staff@'s school), session 1 a proposal there, and session 7 a proposal at شاهین
// (manager2@'s), which only the admin and the liaison see. Everyone who sees a session reads its
// attendance and sheet; its school's staff, its centre's manager and admins record attendance
// (the liaison: 403); only the school's staff rate it. Every POST is an incomplete form that
// validation refuses, so nothing changes.

const row = (
	method: 'GET' | 'POST',
	route: string,
	path: string,
	expect: Record<Role, Outcome>
): MatrixRow => ({ route, method, path, expect, ...(method === 'POST' ? { form: {} } : {}) });

const elsewhere = (admin: Outcome, liaison: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin,
	center_manager: 404,
	school_staff: 404,
	liaison
});

const recorders = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: outcome,
	liaison: 403
});

const raters = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: 403,
	center_manager: 403,
	school_staff: outcome,
	liaison: 403
});

const managers = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: 404,
	liaison: 404
});

const attendance = '/sessions/[id]/attendance';
const sheet = '/sessions/[id]/sheet';

// Campaign events: the demo's campaign 1 is at دولاب (manager@'s centre; staff@ reads it, as does
// the liaison), and its event 1 is its first, in the past, without attendance. Its centre's
// managers and admins record (readers: 403); only its centre's managers rate it (admins: 403).
// An event asked for under another campaign (3, at شاهین) is not found, for everyone.
const eventRecorders = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: outcome,
	school_staff: 403,
	liaison: 403
});

const eventRaters = (outcome: Outcome): Record<Role, Outcome> => ({
	...eventRecorders(outcome),
	admin: 403
});

const eventAttendance = '/campaigns/[id]/events/[eventId]/attendance';
const eventSheet = '/campaigns/[id]/events/[eventId]/sheet';

export const attendanceRows: MatrixRow[] = [
	row('GET', attendance, '/sessions/4/attendance', signedIn(200)),
	row('GET', attendance, '/sessions/1/attendance', signedIn(200)),
	row('GET', attendance, '/sessions/7/attendance', elsewhere(200, 200)),
	row('GET', attendance, '/sessions/99999/attendance', signedIn(404)),
	row('GET', attendance, '/sessions/abc/attendance', signedIn(404)),
	row('POST', attendance, '/sessions/4/attendance?/attendance', recorders(400)),
	row('POST', attendance, '/sessions/7/attendance?/attendance', elsewhere(400, 403)),
	row('POST', attendance, '/sessions/99999/attendance?/attendance', signedIn(404)),
	row('POST', attendance, '/sessions/4/attendance?/feedback', raters(400)),
	row('POST', attendance, '/sessions/7/attendance?/feedback', elsewhere(403, 403)),
	row('GET', sheet, '/sessions/4/sheet', signedIn(200)),
	row('GET', sheet, '/sessions/1/sheet', signedIn(200)),
	row('GET', sheet, '/sessions/7/sheet', elsewhere(200, 200)),
	row('GET', sheet, '/sessions/99999/sheet', signedIn(404)),
	row('GET', sheet, '/sessions/abc/sheet', signedIn(404)),
	row('GET', eventAttendance, '/campaigns/1/events/1/attendance', signedIn(200)),
	row('GET', eventAttendance, '/en/campaigns/1/events/1/attendance', signedIn(200)),
	row('GET', eventAttendance, '/campaigns/3/events/1/attendance', signedIn(404)),
	row('GET', eventAttendance, '/campaigns/1/events/99999/attendance', signedIn(404)),
	row('GET', eventAttendance, '/campaigns/1/events/abc/attendance', signedIn(404)),
	row('POST', eventAttendance, '/campaigns/1/events/1/attendance?/attendance', eventRecorders(400)),
	row('POST', eventAttendance, '/campaigns/3/events/1/attendance?/attendance', signedIn(404)),
	row('POST', eventAttendance, '/campaigns/1/events/99999/attendance?/attendance', signedIn(404)),
	row('POST', eventAttendance, '/campaigns/1/events/1/attendance?/feedback', eventRaters(400)),
	row('GET', eventSheet, '/campaigns/1/events/1/sheet', signedIn(200)),
	row('GET', eventSheet, '/en/campaigns/1/events/1/sheet', signedIn(200)),
	row('GET', eventSheet, '/campaigns/3/events/1/sheet', signedIn(404)),
	row('GET', eventSheet, '/campaigns/1/events/99999/sheet', signedIn(404)),
	row('GET', '/attendance/week', '/attendance/week', managers(200)),
	row('GET', '/attendance/week', '/attendance/week?week=2026-12-01', managers(200)),
	row('GET', '/attendance/week', '/attendance/week?week=%3Cscript%3E', managers(200)),
	row('POST', '/attendance/week', '/attendance/week', managers(400)),
	row('GET', '/sessions', '/sessions?overdue=1', signedIn(200)),
	row('GET', '/sessions', '/en/sessions?overdue=1&status=confirmed', signedIn(200))
];
