import { ICalEventStatus } from 'ical-generator';
import { campaignEventStatusLabel } from '../../campaigns/display.ts';
import { formatClock, formatDate } from '../../i18n/format.ts';
import { m } from '../../paraglide/messages.js';
import { localizeUrl, type Locale } from '../../paraglide/runtime.js';
import type { DB } from '../db/connect.ts';
import {
	campaignEventStatus,
	campaignEventUid,
	createFeedCalendar,
	feedDates,
	feedTiming
} from '../calendar-feed/ics.ts';
import { findEventsBetween, type PublicCenter } from './repository.ts';
import { publicEventView } from './service.ts';

// The public iCalendar feed of one centre's Sunday campaign events, for anyone to subscribe to:
// the same events, UIDs and times as the private feeds, told with what the public page tells
// (title, topic, place, state), never who runs them.

const separator: Record<Locale, string> = { fa: '، ', en: ', ' };

export async function buildPublicCenterFeed(
	db: DB,
	place: { neighborhoodId: number; center: PublicCenter },
	options: { origin: string; locale: Locale; now?: Date }
): Promise<string> {
	const { center } = place;
	const { locale } = options;
	const { from, to } = feedDates(options.now ?? new Date());
	const events = await findEventsBetween(db, [center.id], from, to);
	const calendar = createFeedCalendar(
		m.public_feed_name({ center: center.name }, { locale }),
		locale
	);
	const page = localizeUrl(new URL(`/n/${place.neighborhoodId}`, options.origin), { locale }).href;
	for (const row of events) {
		const event = publicEventView(row);
		const status = campaignEventStatusLabel(event.status, locale);
		const names = { title: event.title, center: center.name };
		calendar.createEvent({
			id: campaignEventUid(event.id),
			...feedTiming(row),
			status: event.unconfirmed ? ICalEventStatus.TENTATIVE : campaignEventStatus[event.status],
			summary:
				event.status === 'cancelled'
					? m.campaigns_feed_summary_off({ ...names, status }, { locale })
					: m.campaigns_feed_summary(names, { locale }),
			description: [
				m.calendar_feed_line_status({ status }, { locale }),
				m.campaigns_feed_line_topic(
					{ topic: locale === 'fa' ? event.topic_fa : event.topic_en },
					{ locale }
				),
				event.unconfirmed && m.public_to_be_confirmed({}, { locale }),
				event.movedFrom &&
					m.public_moved_from(
						{
							date: formatDate(event.movedFrom.date, 'long', locale),
							time: formatClock(event.movedFrom.time, locale)
						},
						{ locale }
					)
			]
				.filter((line) => line)
				.join('\n'),
			location: [event.place, center.name, center.address]
				.filter((part) => part)
				.join(separator[locale]),
			url: page
		});
	}
	return calendar.toString();
}
