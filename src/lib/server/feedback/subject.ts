// What feedback (and attendance) is about: a bell session or a campaign event. Each has its own
// column in staff_feedback and feedback_links, and exactly one of the two is set in a row.
export interface FeedbackSubject {
	kind: 'bell_session' | 'campaign_event';
	id: number;
}

/** The column that names the subject in staff_feedback and feedback_links. */
export function subjectColumn(subject: FeedbackSubject): 'bell_session_id' | 'campaign_event_id' {
	switch (subject.kind) {
		case 'bell_session':
			return 'bell_session_id';
		case 'campaign_event':
			return 'campaign_event_id';
	}
}
