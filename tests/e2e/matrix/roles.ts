// The shape of the authorization matrix and shorthands for its rows.
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

export const everyone = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: outcome,
	admin: outcome,
	center_manager: outcome,
	school_staff: outcome,
	liaison: outcome
});
export const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({
	...everyone(outcome),
	anonymous: 'login'
});
export const adminOnly = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: 404,
	school_staff: 404,
	liaison: 404
});
