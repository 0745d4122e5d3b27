import { fail, type RequestEvent } from '@sveltejs/kit';
import { gradesOfSession } from '$lib/attendance/counts';
import { eventCountFields } from '$lib/attendance/event-counts';
import { m } from '$lib/paraglide/messages';
import { fieldsOf } from '$lib/schemas/attendance';
import { eventFieldsOf } from '$lib/schemas/event-attendance';
import { formatNumber } from '$lib/i18n/format';
import { cardOutcomeText } from '$lib/server/attendance/messages';
import { saveWeekAttendance, type CardOutcome } from '$lib/server/attendance/week-save';
import { findWeekEvents, findWeekSessions, weekFromUrl } from '$lib/server/attendance/week';
import { eventKey, readWeekForm, weekFieldNames } from '$lib/server/attendance/week-form';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// A week's sessions and campaign events with attendance boxes, saved together: centre managers
// enter what their centres held after the fact; admins may too. Each session and event is
// recorded on its own, with its own version check, so one refused does not hold back the others:
// the page then says how many were saved and marks each card's outcome.

/** What each box shows: what is stored, or nothing when nothing is. */
const shown = (names: readonly string[], stored: Record<string, string> | undefined) =>
	Object.fromEntries(names.map((name) => [name, stored ? stored[name]! : '']));

/** The address's week, with its sessions and events the user sees. */
async function weekFor(event: RequestEvent) {
	const user = requireRole(event, 'admin', 'center_manager');
	const db = getDb();
	const week = weekFromUrl(event.url);
	const [sessions, events] = await Promise.all([
		findWeekSessions(db, user, week),
		findWeekEvents(db, user, week)
	]);
	return { user, db, week, sessions, events };
}

export const load: PageServerLoad = async (event) => {
	const { week, sessions, events } = await weekFor(event);
	return {
		week,
		sessions: sessions.map(({ session, attendance, enrolment, canRecord }) => {
			const grades = gradesOfSession(session.grades);
			const stored = attendance && (fieldsOf(attendance) as Record<string, string>);
			return {
				session,
				key: String(session.id),
				grades,
				enrolment,
				canRecord,
				values: shown(weekFieldNames(grades), stored),
				version: attendance?.version ?? 0
			};
		}),
		events: events.map(({ event, attendance, canRecord }) => {
			const stored = attendance && eventFieldsOf(attendance);
			return {
				event,
				key: eventKey(event.id),
				canRecord,
				values: shown(eventCountFields, stored),
				version: attendance?.version ?? 0
			};
		})
	};
};

type Outcome = { state: CardOutcome; ok: boolean; text: string };

/** What the page shows after a save: a message, the boxes as typed, errors, each one's outcome. */
function answer(
	message: string,
	values: Record<string, string> = {},
	errors: Record<string, string[]> = {},
	outcomes: Record<string, Outcome> = {}
) {
	return { message, values, errors, outcomes };
}

/** The typed values of the refused cards only: the saved ones show what is now stored. */
const refusedValues = (values: Record<string, string>, outcomes: Record<string, Outcome>) =>
	Object.fromEntries(Object.entries(values).filter(([name]) => !outcomes[name.split('.')[0]!]?.ok));

export const actions: Actions = {
	default: async (event) => {
		const { user, db, sessions, events } = await weekFor(event);
		const form = readWeekForm(
			await event.request.formData(),
			sessions
				.filter((s) => s.canRecord)
				.map((s) => ({ id: s.session.id, grades: gradesOfSession(s.session.grades) })),
			events.filter((e) => e.canRecord).map((e) => ({ id: e.event.id }))
		);
		if (Object.keys(form.errors).length)
			return fail(400, answer(m.attendance_week_invalid(), form.values, form.errors));
		if (!form.rows.length && !form.events.length)
			return fail(400, answer(m.attendance_week_nothing(), form.values));

		// A partial save is a success that names each card's outcome (see week-save.ts); only a
		// save in which nothing was written is refused.
		const saved = await saveWeekAttendance(db, { ...user, ip: event.getClientAddress() }, form);
		const outcomes: Record<string, Outcome> = {};
		for (const [key, card] of saved.cards)
			outcomes[key] = {
				state: card.outcome,
				ok: card.result.ok,
				text: cardOutcomeText(card)
			};
		if (saved.verdict === 'all') return answer(m.saved(), {}, {}, outcomes);
		const typed = refusedValues(form.values, outcomes);
		if (saved.verdict === 'none')
			return fail(409, answer(m.attendance_week_none_saved(), typed, {}, outcomes));
		const okCount = Object.values(outcomes).filter((o) => o.ok).length;
		const text = m.attendance_week_partly({
			saved: formatNumber(okCount),
			refused: formatNumber(saved.cards.size - okCount)
		});
		return answer(text, typed, {}, outcomes);
	}
};
