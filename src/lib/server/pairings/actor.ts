import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guard.ts';
import type { PairingActor } from './audit.ts';

/** The signed-in admin as the one changing pairings (404 for anyone else). */
export function requirePairingActor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>
): PairingActor {
	const admin = requireRole(event, 'admin');
	return {
		id: admin.id,
		role: admin.role,
		districtIds: admin.scope.districtIds,
		ip: event.getClientAddress()
	};
}
