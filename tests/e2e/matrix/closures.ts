import { adminOnly, type MatrixRow } from './roles';

// The closures and settings routes: admins only, everyone else 404 (anonymous: sign in).
// School year 2 is the demo's current year. Generating its fixed holidays is idempotent, so that
// row may run for every role; it also makes closure 1 exist for the rows after it. Every other
// POST is an incomplete form that validation refuses, or aims at a closure that does not exist.
export const closuresRows: MatrixRow[] = [
	{ route: '/admin/closures', method: 'GET', path: '/admin/closures', expect: adminOnly(200) },
	{
		route: '/admin/closures',
		method: 'GET',
		path: '/admin/closures?year=1&kind=holiday',
		expect: adminOnly(200)
	},
	{
		route: '/admin/closures',
		method: 'GET',
		path: '/admin/closures?year=99999&kind=strike&district=99999',
		expect: adminOnly(200)
	},
	{
		route: '/admin/closures',
		method: 'POST',
		path: '/admin/closures?/generate',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/closures',
		method: 'POST',
		path: '/admin/closures?/generate',
		form: { school_year_id: '2' },
		expect: adminOnly(200)
	},
	{
		route: '/admin/closures',
		method: 'POST',
		path: '/admin/closures?/generate',
		form: { school_year_id: '99999' },
		expect: adminOnly(404)
	},
	{
		route: '/admin/closures/new',
		method: 'GET',
		path: '/admin/closures/new',
		expect: adminOnly(200)
	},
	{
		route: '/admin/closures/new',
		method: 'POST',
		path: '/admin/closures/new',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/closures/[id]',
		method: 'GET',
		path: '/admin/closures/1',
		expect: adminOnly(200)
	},
	{
		route: '/admin/closures/[id]',
		method: 'GET',
		path: '/admin/closures/99999',
		expect: adminOnly(404)
	},
	{
		route: '/admin/closures/[id]',
		method: 'GET',
		path: '/admin/closures/abc',
		expect: adminOnly(404)
	},
	{
		route: '/admin/closures/[id]',
		method: 'POST',
		path: '/admin/closures/1?/update',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/closures/[id]',
		method: 'POST',
		path: '/admin/closures/1?/delete',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/closures/[id]',
		method: 'POST',
		path: '/admin/closures/99999?/delete',
		form: { version: '1' },
		expect: adminOnly(404)
	},
	{
		route: '/admin/closures/[id]',
		method: 'POST',
		path: '/admin/closures/99999?/update',
		form: {
			kind: 'exam',
			starts_on: '1405/10/11',
			ends_on: '1405/10/20',
			name_fa: 'امتحانات',
			version: '1'
		},
		expect: adminOnly(404)
	},
	{ route: '/admin/settings', method: 'GET', path: '/admin/settings', expect: adminOnly(200) },
	{
		route: '/admin/settings',
		method: 'POST',
		path: '/admin/settings',
		form: {},
		expect: adminOnly(400)
	}
];
