import { signedIn, type MatrixRow } from './roles';

// The calendar: every signed-in role sees its own scope's month. A month that makes no sense
// shows today's month rather than an error.
export const calendarRows: MatrixRow[] = [
	{ route: '/calendar', method: 'GET', path: '/calendar', expect: signedIn(200) },
	{ route: '/calendar', method: 'GET', path: '/calendar?month=1405-09', expect: signedIn(200) },
	{ route: '/calendar', method: 'GET', path: '/calendar?month=1405-13', expect: signedIn(200) },
	{
		route: '/calendar',
		method: 'GET',
		path: '/calendar?month=%3Cscript%3E',
		expect: signedIn(200)
	},
	{ route: '/calendar', method: 'GET', path: '/en/calendar?month=2026-12', expect: signedIn(200) }
];
