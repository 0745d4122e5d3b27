import autocannon from 'autocannon';

// One measured run of autocannon against the running app, and the wait for its queue to drain:
// shared by npm run bench and npm run bench:public.

export interface Target {
	name: string;
	path: string;
	method?: 'GET' | 'POST';
	cookie?: string;
	body?: string;
	/** Headers of every request of the run. */
	headers?: Record<string, string>;
	/** A sequence of requests with their own paths and headers, instead of `path`. */
	requests?: autocannon.Request[];
}

export interface Row {
	name: string;
	p50: number;
	p95: number;
	p99: number;
	rps: number;
	errors: number;
	/** Answers received in the run: 0 when every request outlasted it. */
	completed: number;
	/** Answers by status class, e.g. { '2xx': 1200, '4xx': 30 }. */
	statuses: Record<string, number>;
}

export async function measure(
	origin: string,
	target: Target,
	options: { seconds: number; connections: number }
): Promise<Row> {
	const result = await autocannon({
		url: origin + target.path,
		method: target.method ?? 'GET',
		connections: options.connections,
		duration: options.seconds,
		headers: {
			origin,
			accept: 'text/html',
			...target.headers,
			...(target.cookie ? { cookie: target.cookie } : {}),
			...(target.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
		},
		body: target.body,
		requests: target.requests
	});
	// Refusals (4xx) are answers too: the unknown feedback link is a polite 404 by design.
	const errors = result.errors + result.timeouts + result['5xx'];
	return {
		name: target.name,
		p50: result.latency.p50,
		p95: result.latency.p97_5,
		p99: result.latency.p99,
		rps: result.requests.average,
		errors,
		completed: result.requests.total,
		statuses: {
			'2xx': result['2xx'],
			'3xx': result['3xx'],
			'4xx': result['4xx'],
			'5xx': result['5xx']
		}
	};
}

/**
 * Waits until the server has answered what a run left queued (requests slower than the run are
 * still being worked on when it ends), so the next request is measured on an idle server.
 */
export async function drained(origin: string): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await fetch(`${origin}/hello`);
			return;
		} catch (error) {
			// A request that waited past the server's header timeout behind the queue is reset.
			if (attempt === 30) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}
