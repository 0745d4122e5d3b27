import type { Change } from './database';

// The week's attendance page saves each card on its own (src/lib/server/attendance/week-save.ts):
// an answer that is not a refusal marks each card's outcome, and every card it marks saved wrote
// exactly one audit entry; a refused or unchanged card wrote none. A refusal (4xx) wrote nothing.

export const savesPerCard = (path: string): boolean => path.split('?')[0] === '/attendance/week';

/** What is wrong with a week page's answer to a save, if anything. */
export function partialSaveProblem(html: string, changes: Change[]): string | undefined {
	const saved = html.match(/data-outcome="saved"/g)?.length ?? 0;
	const audit = changes.find((change) => change.table === 'audit_log');
	const written = audit ? audit.rowsAfter - audit.rowsBefore : 0;
	if (written !== saved) return `marked ${saved} cards saved but wrote ${written} audit entries`;
}
