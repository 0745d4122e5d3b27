import { m } from '../paraglide/messages.js';
import type { FeedbackSubject } from '../server/feedback/subject.ts';

// The same forms and summaries serve bell sessions and campaign events; these are the words that
// differ: a session is rated by its school's staff for the school's needs and the students'
// engagement, an event by its centre's managers for the neighbourhood's and the participants'.

export type SubjectKind = FeedbackSubject['kind'];

const wordings = {
	bell_session: {
		staffHeading: m.feedback_staff_heading,
		relevance: m.feedback_staff_relevance,
		engagement: m.feedback_staff_engagement,
		notHeld: m.feedback_error_not_held,
		qrAlt: m.feedback_qr_alt,
		stateNotOpen: m.feedback_state_not_open,
		publicTitle: m.feedback_public_title,
		publicNotOpen: m.feedback_public_not_open,
		overall: m.feedback_question_overall,
		recommend: m.feedback_question_recommend
	},
	campaign_event: {
		staffHeading: m.feedback_event_staff_heading,
		relevance: m.feedback_event_staff_relevance,
		engagement: m.feedback_event_staff_engagement,
		notHeld: m.feedback_event_error_not_held,
		qrAlt: m.feedback_event_qr_alt,
		stateNotOpen: m.feedback_event_state_not_open,
		publicTitle: m.feedback_event_public_title,
		publicNotOpen: m.feedback_event_public_not_open,
		overall: m.feedback_event_question_overall,
		recommend: m.feedback_event_question_recommend
	}
} satisfies Record<SubjectKind, Record<string, unknown>>;

export const feedbackWording = (kind: SubjectKind) => wordings[kind];
