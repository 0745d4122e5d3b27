import type { RequestEvent } from '@sveltejs/kit';
import { requireRole, type AuthUser } from '../auth/guard.ts';

/** Facilitators are read by admins, centre managers and liaisons; school staff get 404. */
export function requireFacilitatorReader(event: Pick<RequestEvent, 'locals' | 'url'>): AuthUser {
	return requireRole(event, 'admin', 'center_manager', 'liaison');
}
