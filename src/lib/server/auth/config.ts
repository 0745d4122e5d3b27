// Session and sign-in limits; each can be changed through the environment (see README).
function hours(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return (Number.isFinite(value) && value > 0 ? value : fallback) * 3_600_000;
}

function count(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const authConfig = {
	idleTimeoutMs: hours('SESSION_IDLE_HOURS', 12),
	absoluteLifetimeMs: hours('SESSION_MAX_HOURS', 7 * 24),
	/** last_seen_at is written at most this often, not on every request. */
	refreshIntervalMs: 5 * 60_000,
	throttleWindowMs: 15 * 60_000,
	maxFailuresPerAccount: count('SIGNIN_MAX_FAILURES_PER_ACCOUNT', 5),
	maxFailuresPerIp: count('SIGNIN_MAX_FAILURES_PER_IP', 30)
};
