import type { DB } from '../db/connect.ts';
import type { LearnedAnswer } from '../db/schema.ts';

// What participants said, for the staff: how many answered, the ratings, the yes/no questions
// and the comments (newest first). Counted in the database by kind of answer, so a busy session
// costs the same as a quiet one.

export const COMMENTS_SHOWN = 200;

export interface FeedbackSummary {
	answers: number;
	overallAverage: number | null;
	/** How many gave 1, 2, 3, 4 and 5. */
	overallCounts: [number, number, number, number, number];
	learned: Record<LearnedAnswer, number>;
	recommend: { yes: number; no: number };
	comments: { id: number; comment: string; created_at: string }[];
}

export async function findFeedbackSummary(db: DB, linkId: number): Promise<FeedbackSummary> {
	const [groups, comments] = await Promise.all([
		db
			.selectFrom('feedback_answers')
			.select((eb) => ['overall', 'learned', 'would_recommend', eb.fn.countAll<number>().as('n')])
			.where('link_id', '=', linkId)
			.groupBy(['overall', 'learned', 'would_recommend'])
			.execute(),
		db
			.selectFrom('feedback_answers')
			.select(['id', 'comment', 'created_at'])
			.where('link_id', '=', linkId)
			.where('comment', 'is not', null)
			.orderBy('id', 'desc')
			.limit(COMMENTS_SHOWN)
			.execute()
	]);
	const summary: FeedbackSummary = {
		answers: 0,
		overallAverage: null,
		overallCounts: [0, 0, 0, 0, 0],
		learned: { yes: 0, partly: 0, no: 0 },
		recommend: { yes: 0, no: 0 },
		comments: comments.map((c) => ({ ...c, comment: c.comment ?? '' }))
	};
	let ratingSum = 0;
	for (const group of groups) {
		const n = Number(group.n);
		summary.answers += n;
		summary.overallCounts[group.overall - 1]! += n;
		ratingSum += group.overall * n;
		if (group.learned) summary.learned[group.learned] += n;
		if (group.would_recommend !== null)
			summary.recommend[group.would_recommend ? 'yes' : 'no'] += n;
	}
	if (summary.answers) summary.overallAverage = ratingSum / summary.answers;
	return summary;
}
