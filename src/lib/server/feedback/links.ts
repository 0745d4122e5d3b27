import { getRandomValues } from 'node:crypto';
import type { DB } from '../db/connect.ts';
import type { FeedbackLink } from '../db/schema.ts';
import { subjectColumn, type FeedbackSubject } from './subject.ts';

// The public address of a subject's anonymous feedback form, /f/<token>. The token is 12 random
// base62 characters (about 71 bits): short enough to type from a printed sheet, too many to guess.
// A link is made the first time someone needs it (the sheet, the summary) and then kept.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_LENGTH = 12;
const tokenPattern = /^[0-9A-Za-z]{10,32}$/;

export function newFeedbackToken(): string {
	let token = '';
	while (token.length < TOKEN_LENGTH) {
		for (const byte of getRandomValues(new Uint8Array(TOKEN_LENGTH))) {
			// 248 = 4 × 62: bytes above it would make the first letters likelier; skip them.
			if (byte < 248 && token.length < TOKEN_LENGTH) token += ALPHABET[byte % 62];
		}
	}
	return token;
}

/** Whether the text can be a token at all; anything else is not looked up. */
export function isFeedbackToken(text: string): boolean {
	return tokenPattern.test(text);
}

/** The subject's link, made now if it has none. */
export async function feedbackLinkFor(
	db: DB,
	subject: FeedbackSubject,
	now = new Date()
): Promise<FeedbackLink> {
	const column = subjectColumn(subject);
	await db
		.insertInto('feedback_links')
		.values({ token: newFeedbackToken(), [column]: subject.id, created_at: now.toISOString() })
		.onConflict((oc) => oc.column(column).doNothing())
		.execute();
	return db
		.selectFrom('feedback_links')
		.selectAll()
		.where(column, '=', subject.id)
		.executeTakeFirstOrThrow();
}
