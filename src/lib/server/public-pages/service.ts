import { parseDate } from '@internationalized/date';
import type { DB } from '../db/connect.ts';
import { todayInTehran } from '../../i18n/jalali.ts';
import {
	findHeldEvents,
	findPublicNeighborhood,
	findUpcomingEvents,
	type HeldEvent,
	type PublicEvent,
	type PublicNeighborhood
} from './repository.ts';

// A neighbourhood's public page: its centres, their coming Sunday events (a cancelled one says so,
// a moved one says from when) and the events held in the past month with how many came.

/** Enough for the next three months of Sundays. */
export const UPCOMING_SHOWN = 12;

/** An event as a public page or poster shows it. */
export interface PublicEventView {
	id: number;
	center_id: number;
	title: string;
	topic_fa: string;
	topic_en: string;
	date: string;
	starts_at: string;
	ends_at: string;
	place: string | null;
	status: PublicEvent['status'];
	/** Where the series' rule had it, when the event was moved to another day or time. */
	movedFrom: { date: string; time: string } | null;
	/** A closure covers its day since it was planned: it may yet be moved or cancelled. */
	unconfirmed: boolean;
}

export function publicEventView(event: PublicEvent): PublicEventView {
	const moved =
		event.rule_date !== null &&
		(event.rule_date !== event.date || event.rule_start_time !== event.start_time);
	return {
		id: event.id,
		center_id: event.center_id,
		title: event.title,
		topic_fa: event.topic_fa,
		topic_en: event.topic_en,
		date: event.date,
		starts_at: event.starts_at,
		ends_at: event.ends_at,
		place: event.place,
		status: event.status,
		movedFrom: moved ? { date: event.rule_date!, time: event.rule_start_time } : null,
		unconfirmed: event.status === 'scheduled' && event.needs_attention === 1
	};
}

export interface PublicNeighborhoodPage {
	neighborhood: PublicNeighborhood;
	upcoming: PublicEventView[];
	held: { from: string; to: string; events: HeldEvent[]; attendance: number };
}

/** The page of neighbourhood `id`, or null when there is no such neighbourhood. */
export async function loadPublicNeighborhoodPage(
	db: DB,
	id: number,
	now = new Date()
): Promise<PublicNeighborhoodPage | null> {
	const neighborhood = await findPublicNeighborhood(db, id);
	if (!neighborhood) return null;
	const centerIds = neighborhood.centers.map((c) => c.id);
	const today = todayInTehran(now);
	const from = parseDate(today).subtract({ months: 1 }).toString();
	const [upcoming, held] = await Promise.all([
		findUpcomingEvents(db, centerIds, now, UPCOMING_SHOWN),
		findHeldEvents(db, centerIds, from, today)
	]);
	return {
		neighborhood,
		upcoming: upcoming.map(publicEventView),
		held: {
			from,
			to: today,
			events: held,
			attendance: held.reduce((sum, event) => sum + event.attendance, 0)
		}
	};
}
