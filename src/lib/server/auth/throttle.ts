import type { AuditAction } from '../audit/repository.ts';
import type { DB } from '../db/connect.ts';
import { authConfig } from './config.ts';

export const SIGN_IN_FAILED = 'sign_in_failed' satisfies AuditAction;

// Failed sign-ins are audit entries already; counting them in a sliding window is the throttle.
// It survives restarts, and nobody is locked out for longer than the window.

/** Seconds until another attempt may be made, or 0 when it may be made now. */
export async function secondsUntilSignInAllowed(
	db: DB,
	email: string,
	ip: string,
	now = new Date()
): Promise<number> {
	const since = new Date(now.getTime() - authConfig.throttleWindowMs).toISOString();
	const failures = (column: 'subject' | 'ip', value: string) =>
		db
			.selectFrom('audit_log')
			.select('at')
			.where('action', '=', SIGN_IN_FAILED)
			.where(column, '=', value)
			.where('at', '>', since)
			.orderBy('at', 'desc')
			.execute();
	const [byAccount, byIp] = await Promise.all([failures('subject', email), failures('ip', ip)]);

	const waits = [
		[byAccount, authConfig.maxFailuresPerAccount],
		[byIp, authConfig.maxFailuresPerIp]
	] as const;
	let seconds = 0;
	for (const [rows, max] of waits) {
		if (rows.length < max) continue;
		// Allowed again once the max-th newest failure leaves the window.
		const oldestCounted = new Date(rows[max - 1]!.at).getTime();
		const wait = oldestCounted + authConfig.throttleWindowMs - now.getTime();
		seconds = Math.max(seconds, Math.ceil(wait / 1000));
	}
	return seconds;
}
