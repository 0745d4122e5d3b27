import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guard.ts';
import type { Actor } from './service.ts';

/** The signed-in admin as the actor of a user change (404 for anyone else). */
export function requireAdminActor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>
): Actor {
	const admin = requireRole(event, 'admin');
	return { id: admin.id, districtIds: admin.scope.districtIds, ip: event.getClientAddress() };
}
