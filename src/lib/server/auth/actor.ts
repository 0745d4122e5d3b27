import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from './guard.ts';

/** An admin making a change, the districts they may change things in, and from where. */
export interface Actor {
	id: number;
	districtIds: number[];
	ip: string | null;
}

/** The signed-in admin as the actor of a change (404 for anyone else). */
export function requireAdminActor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>
): Actor {
	const admin = requireRole(event, 'admin');
	return { id: admin.id, districtIds: admin.scope.districtIds, ip: event.getClientAddress() };
}
