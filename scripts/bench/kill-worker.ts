import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf } from './server.ts';
import type { PeopleRun } from './people.ts';

// The soak's worker kill: one of `npm start`'s workers killed with SIGKILL in the middle of the
// load, and what may fail because of it.

export interface Kill {
	pid: number;
	/** When it was killed (performance.now()). */
	at: number;
	/** A new worker took its place within 20 seconds. */
	replaced: boolean;
}

/** Kills the server's first worker `afterMs` from now; resolves once a new one is up (or not). */
export async function killAWorkerAt(serverPid: number, afterMs: number): Promise<Kill> {
	await sleep(afterMs);
	const before = childrenOf(serverPid);
	const pid = before[0];
	if (pid === undefined) throw new Error('The server has no worker to kill.');
	const at = performance.now();
	process.kill(pid, 'SIGKILL');
	for (let i = 0; i < 200; i++) {
		await sleep(100);
		const now = childrenOf(serverPid);
		if (!now.includes(pid) && now.length === before.length) return { pid, at, replaced: true };
	}
	return { pid, at, replaced: false };
}

/**
 * The failures the kill explains: requests sent before it that failed within a second after it
 * (they were in flight on that worker). Every other refusal or failure is an error.
 */
export function failuresBesides(run: PeopleRun, kill: Kill | null): number {
	const inFlight = (u: PeopleRun['unanswered'][number]) =>
		kill !== null && u.sentAt <= kill.at && u.failedAt >= kill.at && u.failedAt <= kill.at + 1000;
	return run.refused.length + run.unanswered.filter((u) => !inFlight(u)).length;
}
