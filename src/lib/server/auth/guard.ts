import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '../../paraglide/runtime.js';
import type { Role, User } from '../db/schema.ts';
import type { UserScope } from '../users/repository.ts';

// The one gate every load and action goes through.

export type AuthUser = User & { scope: UserScope };

/** The signed-in user; anyone else goes to the sign-in page and comes back afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): AuthUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/login?next=${encodeURIComponent(next)}`));
	}
	if (user.must_change_password && !event.url.pathname.endsWith('/profile/password')) {
		redirect(303, localizeHref('/profile/password'));
	}
	return user;
}

/** The signed-in user if their role is one of `roles`; otherwise 404, revealing nothing. */
export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): AuthUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(404, 'Not found');
	return user;
}

/** Which kind of home page and navigation a role gets. */
export function canManageUsers(user: Pick<User, 'role'>): boolean {
	return user.role === 'admin';
}
