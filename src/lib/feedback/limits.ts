// The longest free-text answers, apart from the zod schemas (`schemas/feedback.ts`) so that the
// pages showing the limit do not ship zod to the browser.

export const STAFF_COMMENT_MAX = 1000;
export const ANSWER_COMMENT_MAX = 500;
