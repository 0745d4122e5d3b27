import { campaignEventStatusLabel } from '$lib/campaigns/display';
import { toPersianDigits } from '$lib/i18n/digits';
import { formatDate } from '$lib/i18n/format';
import { bellSessionStatusLabel, localName } from '$lib/i18n/names';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import type {
	BellSessionStatus,
	CampaignEventStatus,
	NotificationEvent
} from '$lib/server/db/schema';

// A notification's sentence, composed when shown: in the reader's language and from the
// session's (or campaign event's) current topic or title, date and time, so a later move or a
// renamed topic reads right.

type Sentence = (inputs: { topic: string; when: string }, options: { locale: Locale }) => string;

const sentences: Record<NotificationEvent, Sentence> = {
	proposed: m.inbox_event_proposed,
	confirmed: m.inbox_event_confirmed,
	counter_proposed: m.inbox_event_counter_proposed,
	declined: m.inbox_event_declined,
	accepted: m.inbox_event_accepted,
	rescheduled: m.inbox_event_rescheduled,
	moved: m.inbox_event_moved,
	cancelled: m.inbox_event_cancelled,
	event_moved: m.campaigns_inbox_event_moved,
	event_cancelled: m.campaigns_inbox_event_cancelled
};

export interface NotificationFacts {
	event: NotificationEvent;
	topic_fa: string;
	topic_en: string;
	/** A campaign event is named by its campaign's title. */
	campaign_title?: string | null;
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
}

export function notificationText(facts: NotificationFacts, locale: Locale = getLocale()): string {
	const when = m.inbox_at_time(
		{
			date: formatDate(facts.date, 'long', locale),
			time: locale === 'fa' ? toPersianDigits(facts.start_time) : facts.start_time
		},
		{ locale }
	);
	const topic =
		facts.campaign_title ?? localName({ name_fa: facts.topic_fa, name_en: facts.topic_en }, locale);
	return sentences[facts.event]({ topic, when }, { locale });
}

export function sessionStatusText(status: BellSessionStatus, locale: Locale = getLocale()): string {
	return m.inbox_session_now({ status: bellSessionStatusLabel(status, locale) }, { locale });
}

export function campaignEventStatusText(
	status: CampaignEventStatus,
	locale: Locale = getLocale()
): string {
	return m.campaigns_inbox_event_now(
		{ status: campaignEventStatusLabel(status, locale) },
		{ locale }
	);
}
