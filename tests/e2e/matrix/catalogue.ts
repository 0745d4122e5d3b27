import { adminOnly, signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// The catalogue routes. Topics are read by every signed-in role and changed by admins only;
// facilitators are read by admins, centre managers and liaisons of their district (school staff
// get 404). Demo topic 1 and facilitator 1 exist in District 14; 99999 exists nowhere. Every POST
// is an incomplete form that validation refuses, so nothing changes.
const facilitatorReaders = (outcome: Outcome): Record<Role, Outcome> => ({
	...signedIn(outcome),
	school_staff: 404
});

export const catalogueRows: MatrixRow[] = [
	{ route: '/topics', method: 'GET', path: '/topics', expect: signedIn(200) },
	{ route: '/topics', method: 'GET', path: '/topics?q=كودكان&retired=1', expect: signedIn(200) },
	{ route: '/topics/new', method: 'GET', path: '/topics/new', expect: adminOnly(200) },
	{ route: '/topics/new', method: 'POST', path: '/topics/new', form: {}, expect: adminOnly(400) },
	{ route: '/topics/[id]', method: 'GET', path: '/topics/1', expect: signedIn(200) },
	{ route: '/topics/[id]', method: 'GET', path: '/topics/99999', expect: signedIn(404) },
	{ route: '/topics/[id]', method: 'GET', path: '/topics/abc', expect: signedIn(404) },
	{
		route: '/topics/[id]',
		method: 'POST',
		path: '/topics/1?/update',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/topics/[id]',
		method: 'POST',
		path: '/topics/1?/retire',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/topics/[id]',
		method: 'POST',
		path: '/topics/1?/restore',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/topics/[id]',
		method: 'POST',
		path: '/topics/99999?/retire',
		form: { version: '1' },
		expect: adminOnly(404)
	},
	{ route: '/facilitators', method: 'GET', path: '/facilitators', expect: facilitatorReaders(200) },
	{
		route: '/facilitators',
		method: 'GET',
		path: '/facilitators?q=كريمي&organization=welfare&topic=1&inactive=1&page=2',
		expect: facilitatorReaders(200)
	},
	{ route: '/facilitators/new', method: 'GET', path: '/facilitators/new', expect: adminOnly(200) },
	{
		route: '/facilitators/new',
		method: 'POST',
		path: '/facilitators/new',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/facilitators/[id]',
		method: 'GET',
		path: '/facilitators/1',
		expect: facilitatorReaders(200)
	},
	{
		route: '/facilitators/[id]',
		method: 'GET',
		path: '/facilitators/99999',
		expect: facilitatorReaders(404)
	},
	{
		route: '/facilitators/[id]',
		method: 'POST',
		path: '/facilitators/1?/update',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/facilitators/[id]',
		method: 'POST',
		path: '/facilitators/99999?/update',
		form: { name: 'x', organization: 'police', version: '1', district_id: '1' },
		expect: adminOnly(404)
	}
];
