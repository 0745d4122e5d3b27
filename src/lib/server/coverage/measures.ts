import {
	sql,
	type AliasedExpression,
	type Expression,
	type ExpressionBuilder,
	type SqlBool
} from 'kysely';
import { m } from '../../paraglide/messages.js';
import type { BellSessionStatus, CampaignEventStatus, Database } from '../db/schema.ts';

// Every number of the coverage report is defined here, once: its SQL (an aggregate over the rows
// that sources.ts picks for the filter and scope) and the words that explain it on the page. The
// page, the files and the API all read these, so they cannot disagree.

export const measureKeys = [
	'neighborhoodsPaired',
	'neighborhoodsTotal',
	'schoolsReached',
	'schoolsPaired',
	'sessionsProposed',
	'sessionsConfirmed',
	'sessionsHeld',
	'sessionsCancelled',
	'sessionsDeclined',
	'studentsReached',
	'studentsEnrolled',
	'eventsPlanned',
	'eventsHeld',
	'eventsCancelled',
	'eventAttendance',
	'staffRating',
	'staffRatings',
	'answerRating',
	'answers'
] as const;

export type MeasureKey = (typeof measureKeys)[number];

/** One number a measure; null where it does not apply (a school has no neighbourhoods) or nobody rated. */
export type CoverageFigures = Record<MeasureKey, number | null>;

export const averageMeasures: readonly MeasureKey[] = ['staffRating', 'answerRating'];

export const measureLabel: Record<MeasureKey, () => string> = {
	neighborhoodsPaired: m.coverage_m_neighborhoods_paired,
	neighborhoodsTotal: m.coverage_m_neighborhoods_total,
	schoolsReached: m.coverage_m_schools_reached,
	schoolsPaired: m.coverage_m_schools_paired,
	sessionsProposed: m.coverage_m_sessions_proposed,
	sessionsConfirmed: m.coverage_m_sessions_confirmed,
	sessionsHeld: m.coverage_m_sessions_held,
	sessionsCancelled: m.coverage_m_sessions_cancelled,
	sessionsDeclined: m.coverage_m_sessions_declined,
	studentsReached: m.coverage_m_students_reached,
	studentsEnrolled: m.coverage_m_students_enrolled,
	eventsPlanned: m.coverage_m_events_planned,
	eventsHeld: m.coverage_m_events_held,
	eventsCancelled: m.coverage_m_events_cancelled,
	eventAttendance: m.coverage_m_event_attendance,
	staffRating: m.coverage_m_staff_rating,
	staffRatings: m.coverage_m_staff_ratings,
	answerRating: m.coverage_m_answer_rating,
	answers: m.coverage_m_answers
};

export const measureDefinition: Record<MeasureKey, () => string> = {
	neighborhoodsPaired: m.coverage_d_neighborhoods_paired,
	neighborhoodsTotal: m.coverage_d_neighborhoods_total,
	schoolsReached: m.coverage_d_schools_reached,
	schoolsPaired: m.coverage_d_schools_paired,
	sessionsProposed: m.coverage_d_sessions_proposed,
	sessionsConfirmed: m.coverage_d_sessions_confirmed,
	sessionsHeld: m.coverage_d_sessions_held,
	sessionsCancelled: m.coverage_d_sessions_cancelled,
	sessionsDeclined: m.coverage_d_sessions_declined,
	studentsReached: m.coverage_d_students_reached,
	studentsEnrolled: m.coverage_d_students_enrolled,
	eventsPlanned: m.coverage_d_events_planned,
	eventsHeld: m.coverage_d_events_held,
	eventsCancelled: m.coverage_d_events_cancelled,
	eventAttendance: m.coverage_d_event_attendance,
	staffRating: m.coverage_d_staff_rating,
	staffRatings: m.coverage_d_staff_ratings,
	answerRating: m.coverage_d_answer_rating,
	answers: m.coverage_d_answers
};

type Aggregate<K extends string> = AliasedExpression<number | string | null, K>;

function countWhen<DB, TB extends keyof DB>(
	eb: ExpressionBuilder<DB, TB>,
	when: Expression<SqlBool>
) {
	return eb.fn.sum<number>(eb.case().when(when).then(1).else(0).end());
}

/** Over the year's neighbourhoods, each left-joined to its pairing if that matches the filter. */
export function neighborhoodMeasures(
	eb: ExpressionBuilder<Database, 'neighborhoods' | 'pairings'>
): Aggregate<'neighborhoodsTotal' | 'neighborhoodsPaired'>[] {
	return [
		eb.fn.countAll<number>().as('neighborhoodsTotal'),
		eb.fn.count<number>('pairings.id').as('neighborhoodsPaired')
	];
}

/**
 * Over the year's pairings: each paired school once (a school pairs with one neighbourhood a
 * year), whether it had a held session, and its enrolment.
 */
export function pairingMeasures(
	eb: ExpressionBuilder<Database, 'pairings'>,
	heldAtPairedSchool: Expression<SqlBool>
): Aggregate<'schoolsPaired' | 'schoolsReached' | 'studentsEnrolled'>[] {
	const enrolment = eb
		.selectFrom('school_enrolments')
		.select((e) => enrolledMeasures(e))
		.whereRef('school_enrolments.school_id', '=', 'pairings.school_id');
	return [
		eb.fn.countAll<number>().as('schoolsPaired'),
		countWhen(eb, heldAtPairedSchool).as('schoolsReached'),
		eb.fn.sum<number>(enrolment).as('studentsEnrolled')
	];
}

/** Over the enrolment rows (one a grade) of paired schools; the school's gender is its students'. */
export function enrolledMeasures(
	eb: ExpressionBuilder<Database, 'school_enrolments'>
): Aggregate<'studentsEnrolled'> {
	return eb.fn.sum<number>('school_enrolments.students').as('studentsEnrolled');
}

/** Over the year's sessions, by the state each is in now. */
export function sessionMeasures(
	eb: ExpressionBuilder<Database, 'bell_sessions'>
): Aggregate<`sessions${'Proposed' | 'Confirmed' | 'Held' | 'Cancelled' | 'Declined'}`>[] {
	const inState = (...states: BellSessionStatus[]) =>
		countWhen(eb, eb('bell_sessions.status', 'in', states));
	return [
		// Still waiting for an answer, whichever side has to give it.
		inState('proposed', 'counter_proposed').as('sessionsProposed'),
		inState('confirmed').as('sessionsConfirmed'),
		inState('held').as('sessionsHeld'),
		inState('cancelled').as('sessionsCancelled'),
		inState('declined').as('sessionsDeclined')
	];
}

/** Reached, feedback and the trend read held sessions only. */
export function isHeld(eb: ExpressionBuilder<Database, 'bell_sessions'>): Expression<SqlBool> {
	return eb('bell_sessions.status', '=', 'held');
}

/** Over the attendance rows (grade × gender) of held sessions: a student at two sessions counts twice. */
export function reachedMeasures(
	eb: ExpressionBuilder<Database, 'bell_session_attendance_students'>
): Aggregate<'studentsReached'>[] {
	return [eb.fn.sum<number>('bell_session_attendance_students.students').as('studentsReached')];
}

/** Over staff ratings of held sessions: the three criteria (1–5) of each rating. */
export function staffFeedbackMeasures(
	eb: ExpressionBuilder<Database, 'staff_feedback'>
): Aggregate<'staffRatings' | 'staffRatingSum'>[] {
	const criteria = eb(
		eb('staff_feedback.relevance', '+', eb.ref('staff_feedback.facilitator')),
		'+',
		eb.ref('staff_feedback.engagement')
	);
	return [
		eb.fn.countAll<number>().as('staffRatings'),
		eb.fn.sum<number>(criteria).as('staffRatingSum')
	];
}

/** Over participants' anonymous answers about held sessions: the overall rating (1–5). */
export function answerMeasures(
	eb: ExpressionBuilder<Database, 'feedback_answers'>
): Aggregate<'answers' | 'answerRatingSum'>[] {
	return [
		eb.fn.countAll<number>().as('answers'),
		eb.fn.sum<number>('feedback_answers.overall').as('answerRatingSum')
	];
}

/**
 * Over the Sunday events dated in the school year, by their state now; attendance is the recorded
 * attendance (all six counts) of held events only.
 */
export function eventMeasures(
	eb: ExpressionBuilder<Database, 'campaign_events' | 'campaign_event_attendance'>
): Aggregate<'eventsPlanned' | 'eventsHeld' | 'eventsCancelled' | 'eventAttendance'>[] {
	const inState = (...states: CampaignEventStatus[]) =>
		countWhen(eb, eb('campaign_events.status', 'in', states));
	const a = 'campaign_event_attendance';
	return [
		inState('scheduled', 'held').as('eventsPlanned'),
		inState('held').as('eventsHeld'),
		inState('cancelled').as('eventsCancelled'),
		sql<number>`coalesce(sum(case when campaign_events.status = 'held' then ${sql.ref(`${a}.adults_women`)} + ${sql.ref(`${a}.adults_men`)} + ${sql.ref(`${a}.youth_girls`)} + ${sql.ref(`${a}.youth_boys`)} + ${sql.ref(`${a}.children_girls`)} + ${sql.ref(`${a}.children_boys`)} end), 0)`.as(
			'eventAttendance'
		)
	];
}

/**
 * Over held sessions: how many topics of the catalogue a place has had a held session on. Counted
 * live (the district tallies do not keep topics); the map and its table read it.
 */
export function topicsCoveredMeasure(
	eb: ExpressionBuilder<Database, 'bell_sessions'>
): Aggregate<'topicsCovered'> {
	return eb.fn.count<number>('bell_sessions.topic_id').distinct().as('topicsCovered');
}

/** An average to one decimal, as every view shows it; null when there is nothing to average. */
export function averageOf(sum: number, count: number): number | null {
	return count ? Math.round((sum / count) * 10) / 10 : null;
}
