import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guard.ts';

/** An admin changing schools: only in their own districts. */
export interface SchoolActor {
	id: number;
	districtIds: number[];
	ip: string | null;
}

/** The signed-in admin as the actor of a school change (404 for every other role). */
export function requireSchoolAdmin(
	event: Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>
): SchoolActor {
	const admin = requireRole(event, 'admin');
	return { id: admin.id, districtIds: admin.scope.districtIds, ip: event.getClientAddress() };
}
