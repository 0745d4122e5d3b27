import { setTimeout as sleep } from 'node:timers/promises';
import type { SoakRequest } from './writes.ts';

// People working at once, for the soak: each goes through the requests in turn, as one person
// clicking through the app, and pauses between requests for a random time (exponentially
// distributed around `thinkMs`, so people do not click in step; 0: no pause, which finds the
// server's capacity instead). autocannon has no such pause: its rate limit sends every
// connection's quota at the start of each second, all connections at once, so every second
// begins with a burst of fifty requests no group of people makes.

export interface Step {
	/** The kind of request, as the soak's results name it. */
	kind: string;
	request: SoakRequest;
}

export interface Answer {
	kind: string;
	ms: number;
	method: string;
	status: number;
}

export interface PeopleRun {
	answers: Answer[];
	/** Answers with a status of 400 or more. */
	refused: { kind: string; status: number }[];
	/**
	 * Requests that got no answer: the connection failed or no answer came within the timeout;
	 * when they were sent and when they failed (performance.now()).
	 */
	unanswered: { kind: string; method: string; error: string; sentAt: number; failedAt: number }[];
}

const TIMEOUT_MS = 10_000;

export async function runPeople(options: {
	origin: string;
	people: number;
	seconds: number;
	thinkMs: number;
	steps: Step[];
}): Promise<PeopleRun> {
	const { origin, people, seconds, thinkMs, steps } = options;
	const run: PeopleRun = { answers: [], refused: [], unanswered: [] };
	const end = performance.now() + seconds * 1000;
	const pause = () => (thinkMs > 0 ? sleep(-Math.log(1 - Math.random()) * thinkMs) : undefined);

	async function person() {
		if (thinkMs > 0) await sleep(Math.random() * thinkMs);
		while (performance.now() < end) {
			const context = {};
			for (const { kind, request } of steps) {
				if (performance.now() >= end) return;
				const sent = request.setupRequest ? request.setupRequest(request, context) : request;
				if (!sent) break;
				const started = performance.now();
				try {
					const response = await fetch(origin + sent.path, {
						method: sent.method,
						headers: sent.headers,
						body: sent.body,
						redirect: 'manual',
						signal: AbortSignal.timeout(TIMEOUT_MS)
					});
					const body = await response.text();
					run.answers.push({
						kind,
						ms: performance.now() - started,
						method: sent.method,
						status: response.status
					});
					if (response.status >= 400) run.refused.push({ kind, status: response.status });
					request.onResponse?.(
						response.status,
						body,
						context,
						Object.fromEntries(response.headers)
					);
				} catch (error) {
					run.unanswered.push({
						kind,
						method: sent.method,
						error: String(error),
						sentAt: started,
						failedAt: performance.now()
					});
				}
				await pause();
			}
		}
	}

	await Promise.all(Array.from({ length: people }, person));
	return run;
}
