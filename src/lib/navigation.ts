import { m } from './paraglide/messages.js';
import type { Role } from './server/db/schema.ts';

export interface NavItem {
	path: string;
	label: () => string;
}

// Each role sees the pages it can use; every page still authorizes for itself.
const everyone: Role[] = ['admin', 'center_manager', 'school_staff', 'liaison'];

const items: (NavItem & { roles: Role[] })[] = [
	{
		path: '/sessions',
		label: m.nav_sessions,
		roles: everyone
	},
	{
		path: '/calendar',
		label: m.nav_calendar,
		roles: everyone
	},
	{
		path: '/campaigns',
		label: m.nav_campaigns,
		roles: everyone
	},
	{
		path: '/coverage',
		label: m.nav_coverage,
		roles: everyone
	},
	{ path: '/attendance/week', label: m.attendance_nav_week, roles: ['admin', 'center_manager'] },
	{
		path: '/inbox',
		label: m.nav_inbox,
		roles: everyone
	},
	{
		path: '/directory',
		label: m.nav_directory,
		roles: everyone
	},
	{
		path: '/pairings',
		label: m.nav_pairings,
		roles: everyone
	},
	{
		path: '/schools',
		label: m.nav_schools,
		roles: everyone
	},
	{
		path: '/facilitators',
		label: m.nav_facilitators,
		roles: ['admin', 'center_manager', 'liaison']
	},
	{
		path: '/topics',
		label: m.nav_topics,
		roles: everyone
	},
	{
		path: '/school-years',
		label: m.nav_school_years,
		roles: everyone
	},
	{ path: '/admin/closures', label: m.nav_closures, roles: ['admin'] },
	{ path: '/admin/settings', label: m.nav_settings, roles: ['admin'] },
	{ path: '/admin/boundaries', label: m.nav_boundaries, roles: ['admin'] },
	{ path: '/admin/users', label: m.nav_users, roles: ['admin'] },
	{ path: '/admin/audit', label: m.nav_audit, roles: ['admin'] }
];

export function navigationFor(role: Role | null): NavItem[] {
	return role ? items.filter((item) => item.roles.includes(role)) : [];
}
