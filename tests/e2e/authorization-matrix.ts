// Every route × role → expected answer. The test in authorization.spec.ts fails when a route in
// src/routes is missing here, and checks every cell over HTTP against the built app.
// Rows live by area in ./matrix/; the order is the order of the requests.
import { accountRows } from './matrix/accounts';
import { catalogueRows } from './matrix/catalogue';
import { closuresRows } from './matrix/closures';
import { directoryRows } from './matrix/directory';
import { pairingsRows } from './matrix/pairings';
import { everyone, type MatrixRow } from './matrix/roles';
import { helloRows } from './matrix/hello';
import { schoolsRows } from './matrix/schools';
import { apiRows } from './matrix/api';
import { coverageRows } from './matrix/coverage';
import { feedbackRows } from './matrix/feedback';
import { attendanceRows } from './matrix/attendance';
import { campaignsRows } from './matrix/campaigns';
import { calendarFeedRows } from './matrix/calendar-feed';
import { inboxRows } from './matrix/inbox';
import { calendarRows } from './matrix/calendar';
import { sessionsRows } from './matrix/sessions';
import { boundariesRows, publicRows } from './matrix/public';

export type { MatrixRow, Outcome, Role } from './matrix/roles';

export const matrix: MatrixRow[] = [
	...accountRows,
	...pairingsRows,
	...schoolsRows,
	...catalogueRows,
	...directoryRows,
	...closuresRows,
	...calendarFeedRows,
	...inboxRows,
	...calendarRows,
	...sessionsRows,
	...campaignsRows,
	...attendanceRows,
	...feedbackRows,
	...coverageRows,
	...apiRows,
	...helloRows,
	...publicRows,
	...boundariesRows,
	// Last: it ends the session the other rows use.
	{ route: '/logout', method: 'POST', path: '/logout', form: {}, expect: everyone('login') }
];
