import { everyone, signedIn, type MatrixRow } from './roles';

// The feed answers without a session (its token is the credential), so an unknown token is 404
// for everyone. On /profile each signed-in user makes their own feed address and then revokes
// it, which leaves the demo data as it was.
export const calendarFeedRows: MatrixRow[] = [
	{
		route: '/calendar/feed/[token].ics',
		method: 'GET',
		path: '/calendar/feed/unknown-token.ics',
		expect: everyone(404)
	},
	{
		route: '/profile',
		method: 'POST',
		path: '/profile?/createCalendarFeed',
		form: {},
		expect: signedIn(200)
	},
	{
		route: '/profile',
		method: 'POST',
		path: '/profile?/revokeCalendarFeed',
		form: {},
		expect: signedIn(200)
	}
];
