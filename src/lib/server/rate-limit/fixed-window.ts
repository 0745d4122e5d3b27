import { createHash } from 'node:crypto';
import type { DB } from '../db/connect.ts';

// Requests per address in fixed windows, counted in the database so that every worker process
// shares the count (a process's memory would let each process allow the limit again). One upsert
// a request; the key holds a hash of the address, not the address, and a window's rows are
// dropped once it has passed. This module is the only thing that knows how counts are kept: a
// shared cache could replace the table behind the same two functions.

export interface RateLimit {
	/** Names the limit in the keys, so limits never share a count. */
	name: string;
	/** Requests allowed from one address in a window. */
	limit: number;
	windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const keyOf = (rule: RateLimit, address: string) =>
	`${rule.name}:${createHash('sha256').update(address).digest('base64url')}`;

/** Per process: the window whose passed rows were last swept, per limit. */
const sweptWindow = new Map<string, string>();

/** Counts one request from `address`; refused once the window already holds the limit. */
export async function takeHit(
	db: DB,
	rule: RateLimit,
	address: string,
	now = new Date()
): Promise<RateDecision> {
	const windowMs = rule.windowSeconds * 1000;
	const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
	const windowStart = new Date(startMs).toISOString();
	const { hits } = await db
		.insertInto('rate_limit_hits')
		.values({ key: keyOf(rule, address), window_start: windowStart, hits: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => ({
				hits: eb
					.case()
					.when('rate_limit_hits.window_start', '=', windowStart)
					.then(eb('rate_limit_hits.hits', '+', 1))
					.else(1)
					.end(),
				window_start: windowStart
			}))
		)
		.returning('hits')
		.executeTakeFirstOrThrow();
	if (sweptWindow.get(rule.name) !== windowStart) {
		sweptWindow.set(rule.name, windowStart);
		await sweepPassedWindows(db, rule, windowStart);
	}
	if (Number(hits) <= rule.limit) return { allowed: true };
	return {
		allowed: false,
		retryAfterSeconds: Math.ceil((startMs + windowMs - now.getTime()) / 1000)
	};
}

/** Drops the limit's rows of windows before `windowStart`: nobody is counted there any more. */
export async function sweepPassedWindows(
	db: DB,
	rule: RateLimit,
	windowStart: string
): Promise<void> {
	await db
		.deleteFrom('rate_limit_hits')
		// The keys that start with "<name>:" (';' follows ':'), without LIKE's wildcards.
		.where('key', '>=', `${rule.name}:`)
		.where('key', '<', `${rule.name};`)
		.where('window_start', '<', windowStart)
		.execute();
}
