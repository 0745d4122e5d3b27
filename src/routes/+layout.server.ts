import type { LayoutServerLoad } from './$types';

// Only what the navigation needs; each page authorizes for itself.
export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.display_name, role: locals.user.role } : null
});
