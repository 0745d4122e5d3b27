// The values a campaign's fields take, apart from the zod schemas (`schemas/campaigns.ts`) so that
// pages listing them do not ship zod to the browser.

export const campaignAudiences = ['public', 'adults', 'youth', 'children', 'families'] as const;

/** 0 = Sunday ... 6 = Saturday; listed from Saturday, the first day of the Iranian week. */
export const weekdays = [6, 0, 1, 2, 3, 4, 5] as const;
