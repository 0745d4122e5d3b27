import { randomBytes } from 'node:crypto';
import type { ImportTable } from './columns.ts';

// A previewed file waits here, keyed by a random token, until its admin confirms it: the
// browser carries only the token, never the rows. Kept in memory for a few minutes.

const KEEP_MS = 15 * 60_000;
const MAX_PENDING = 20;

interface PendingImport {
	userId: number;
	fileName: string;
	table: ImportTable;
	expiresAt: number;
}

const pending = new Map<string, PendingImport>();

function dropExpired(now: number) {
	for (const [token, entry] of pending) if (entry.expiresAt <= now) pending.delete(token);
}

export function keepPendingImport(
	userId: number,
	fileName: string,
	table: ImportTable,
	now = Date.now()
): string {
	dropExpired(now);
	// Oldest first: a Map keeps insertion order.
	while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
	const token = randomBytes(24).toString('base64url');
	pending.set(token, { userId, fileName, table, expiresAt: now + KEEP_MS });
	return token;
}

/** The file previewed by this user under `token`, once; null when unknown, expired or another user's. */
export function takePendingImport(
	token: string,
	userId: number,
	now = Date.now()
): { fileName: string; table: ImportTable } | null {
	dropExpired(now);
	const entry = pending.get(token);
	if (!entry || entry.userId !== userId) return null;
	pending.delete(token);
	return { fileName: entry.fileName, table: entry.table };
}
