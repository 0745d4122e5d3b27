// Every route × role → expected answer. The test in authorization.spec.ts fails when a route in
// src/routes is missing here, and checks every cell over HTTP against the built app.
// 'login' = redirected to sign-in; 'redirect' = another 303; a number = that status.

export type Role = 'anonymous' | 'admin' | 'center_manager' | 'school_staff' | 'liaison';
export type Outcome = number | 'login' | 'redirect';

export interface MatrixRow {
	/** The route id as in src/routes, e.g. /admin/users/[id]. */
	route: string;
	method: 'GET' | 'POST';
	/** A concrete path (with ?/action for named form actions). */
	path: string;
	/** Form fields for POST; an incomplete form is refused by validation and changes nothing. */
	form?: Record<string, string>;
	expect: Record<Role, Outcome>;
}

const everyone = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: outcome,
	admin: outcome,
	center_manager: outcome,
	school_staff: outcome,
	liaison: outcome
});
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({
	...everyone(outcome),
	anonymous: 'login'
});
const adminOnly = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: 404,
	school_staff: 404,
	liaison: 404
});

// Demo user ids follow the seed order: 3 is manager2@demo.test.
export const matrix: MatrixRow[] = [
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
	{ route: '/profile', method: 'POST', path: '/profile', form: {}, expect: signedIn(400) },
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
	{ route: '/admin/audit', method: 'GET', path: '/admin/audit', expect: adminOnly(200) },
	// Last: it ends the session the other rows use.
	{ route: '/logout', method: 'POST', path: '/logout', form: {}, expect: everyone('login') }
];
