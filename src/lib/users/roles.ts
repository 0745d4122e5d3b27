// The roles, apart from the zod schemas (`schemas/users.ts`) so that pages listing them do not ship
// zod to the browser.

export const roles = ['admin', 'center_manager', 'school_staff', 'liaison'] as const;
