import { signedIn, type MatrixRow } from './roles';

// The inbox: every signed-in user has their own (anonymous: sign in). Opening needs the id of one
// of the user's own notifications: a missing id is refused by validation, anyone else's is 404.
// Marking all read takes no fields and touches only the user's own notifications, so every
// signed-in user may (no browser test relies on the demo accounts' unread notifications).
export const inboxRows: MatrixRow[] = [
	{ route: '/inbox', method: 'GET', path: '/inbox', expect: signedIn(200) },
	{ route: '/inbox', method: 'GET', path: '/inbox?page=99999', expect: signedIn(200) },
	{ route: '/inbox', method: 'POST', path: '/inbox?/open', form: {}, expect: signedIn(400) },
	{
		route: '/inbox',
		method: 'POST',
		path: '/inbox?/open',
		form: { id: 'abc' },
		expect: signedIn(400)
	},
	{
		route: '/inbox',
		method: 'POST',
		path: '/inbox?/open',
		form: { id: '99999999' },
		expect: signedIn(404)
	},
	{ route: '/inbox', method: 'POST', path: '/inbox?/markAllRead', form: {}, expect: signedIn(200) }
];
