import { measureKeys, type CoverageFigures } from '../../../src/lib/server/coverage/measures.ts';

// Every figure of the hand-built year (fixtures.ts), worked out by hand.

/** The whole district in the current year, for an admin or liaison. */
export const EXPECTED: CoverageFigures = {
	neighborhoodsPaired: 22,
	neighborhoodsTotal: 25,
	// دولاب (two held sessions) and خاوران (held, without attendance).
	schoolsReached: 2,
	schoolsPaired: 22,
	// Proposed at شاهین, counter-proposed at خاوران.
	sessionsProposed: 2,
	sessionsConfirmed: 1,
	sessionsHeld: 3,
	sessionsCancelled: 1,
	sessionsDeclined: 1,
	// 30 + 25 at the first دولاب session, 40 at the second; خاوران's recorded nobody.
	studentsReached: 95,
	// دولاب 270, خاوران 110, شاهین 40; not دولاب's unpaired school (500).
	studentsEnrolled: 420,
	// دولاب: 2 held + 1 scheduled, 1 cancelled; خاوران and شاهین 1 held each.
	eventsPlanned: 5,
	eventsHeld: 4,
	eventsCancelled: 1,
	// دولاب 12 (its held event without attendance adds none; last year's 50 is not this year),
	// خاوران 20, شاهین 7.
	eventAttendance: 39,
	// (5+4+3) + (4+4+4) + (2+3+4) = 33 over 9 ratings.
	staffRating: 3.7,
	staffRatings: 3,
	// 5, 4, 3, 2.
	answerRating: 3.5,
	answers: 4
};

/** دولاب, in the neighbourhood rows of its area. */
export const DOWLAB: CoverageFigures = {
	neighborhoodsPaired: 1,
	neighborhoodsTotal: 1,
	schoolsReached: 1,
	schoolsPaired: 1,
	sessionsProposed: 0,
	sessionsConfirmed: 1,
	sessionsHeld: 2,
	sessionsCancelled: 0,
	sessionsDeclined: 0,
	studentsReached: 95,
	studentsEnrolled: 270,
	eventsPlanned: 3,
	eventsHeld: 2,
	eventsCancelled: 1,
	eventAttendance: 12,
	staffRating: 3.7,
	staffRatings: 3,
	answerRating: 4,
	answers: 3
};

export const ZEROS = Object.fromEntries(measureKeys.map((k) => [k, 0])) as CoverageFigures;
