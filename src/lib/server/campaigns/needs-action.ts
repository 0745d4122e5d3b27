import type { DB } from '../db/connect.ts';
import { countUpTo } from '../db/count-up-to.ts';
import type { AuthUser } from '../auth/guard.ts';
import { datedEventsInScope, type DatedCampaignEvent } from './dated-events.ts';

// The campaign events waiting on someone, for the home page: events whose end has passed while
// still scheduled (their attendance is overdue: centre managers, admins and liaisons) and events
// a closure added later now covers (managers and admins decide: move, cancel or keep).

type ScopedUser = Pick<AuthUser, 'role' | 'scope'>;

export type CampaignNeedsKind = 'event_attendance_overdue' | 'event_needs_attention';

const kindsFor: Record<ScopedUser['role'], CampaignNeedsKind[]> = {
	center_manager: ['event_needs_attention', 'event_attendance_overdue'],
	admin: ['event_needs_attention', 'event_attendance_overdue'],
	liaison: ['event_attendance_overdue'],
	school_staff: []
};

const LIMIT = 20;

/** Each list the oldest first, at most 20, with how many there are in all (up to COUNT_CAP + 1). */
export async function findCampaignEventsNeedingAction(
	db: DB,
	user: ScopedUser,
	now = new Date()
): Promise<{ kind: CampaignNeedsKind; rows: DatedCampaignEvent[]; total: number }[]> {
	return Promise.all(
		kindsFor[user.role].map(async (kind) => {
			const base = datedEventsInScope(db, user).where('campaign_events.status', '=', 'scheduled');
			const query =
				kind === 'event_needs_attention'
					? base.where('campaign_events.needs_attention', '=', 1)
					: base.where('campaign_events.ends_at', '<', now.toISOString());
			const [rows, total] = await Promise.all([
				query.orderBy('campaign_events.starts_at').limit(LIMIT).execute(),
				countUpTo(db, query)
			]);
			return { kind, rows, total };
		})
	);
}
