import { adminOnly, everyone, signedIn, type MatrixRow } from './roles';

// Demo user ids follow the seed order: 3 is manager2@demo.test.
export const accountRows: MatrixRow[] = [
	{ route: '/', method: 'GET', path: '/', expect: everyone(200) },
	{ route: '/healthz', method: 'GET', path: '/healthz', expect: everyone(200) },
	{
		route: '/login',
		method: 'GET',
		path: '/login',
		expect: { ...everyone('redirect'), anonymous: 200 }
	},
	{
		route: '/login',
		method: 'POST',
		path: '/login',
		form: {},
		expect: { ...everyone('redirect'), anonymous: 400 }
	},
	{ route: '/directory', method: 'GET', path: '/directory', expect: signedIn(200) },
	{ route: '/profile', method: 'GET', path: '/profile', expect: signedIn(200) },
	{ route: '/profile', method: 'POST', path: '/profile?/save', form: {}, expect: signedIn(400) },
	{ route: '/profile/password', method: 'GET', path: '/profile/password', expect: signedIn(200) },
	{
		route: '/profile/password',
		method: 'POST',
		path: '/profile/password',
		form: {},
		expect: signedIn(400)
	},
	{ route: '/admin/users', method: 'GET', path: '/admin/users', expect: adminOnly(200) },
	{ route: '/admin/users/new', method: 'GET', path: '/admin/users/new', expect: adminOnly(200) },
	{
		route: '/admin/users/new',
		method: 'POST',
		path: '/admin/users/new',
		form: {},
		expect: adminOnly(400)
	},
	{ route: '/admin/users/[id]', method: 'GET', path: '/admin/users/3', expect: adminOnly(200) },
	{ route: '/admin/users/[id]', method: 'GET', path: '/admin/users/99999', expect: adminOnly(404) },
	{
		route: '/admin/users/[id]',
		method: 'POST',
		path: '/admin/users/3?/update',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/users/[id]',
		method: 'POST',
		path: '/admin/users/3?/setActive',
		form: { active: '1' },
		expect: adminOnly(200)
	},
	{
		route: '/admin/users/[id]',
		method: 'POST',
		path: '/admin/users/3?/resetPassword',
		form: {},
		expect: adminOnly(400)
	},
	{ route: '/admin/audit', method: 'GET', path: '/admin/audit', expect: adminOnly(200) }
];
