// Apart from the zod schemas (`schemas/pairings.ts`) so that the pages showing the limit do not
// ship zod to the browser.

export const REASON_MAX_LENGTH = 500;
