import { signedIn, type MatrixRow } from './roles';

// The inbox: every signed-in user has their own (anonymous: sign in). Opening needs the id of one
// of the user's own notifications: a missing id is refused by validation, anyone else's is 404.
// Marking all read has no row: it cannot be refused by validation, and running it would clear the
// demo accounts' unread notifications that other browser tests may rely on.
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
	}
];
