import { request as httpRequest } from 'node:http';

// A request sent as written, through Node's own HTTP client: Playwright's client parses the
// address first (WHATWG URL), which resolves `..` and `%2e%2e` and mends broken escapes before the
// server sees them. `from` picks the loopback address it is sent from (127.x.y.z all reach the
// server), so that each sign-in attempt counts against its own address in the app's throttle.

export interface RawRequest {
	method: 'GET' | 'POST';
	path: string;
	headers?: Record<string, string>;
	body?: string;
	from?: string;
}

/** The parts of an answer the fuzzer reads, shaped like Playwright's APIResponse. */
export interface RawAnswer {
	url(): string;
	status(): number;
	headers(): Record<string, string>;
	body(): Promise<Buffer>;
	text(): Promise<string>;
}

export function rawRequest(baseURL: string, asked: RawRequest): Promise<RawAnswer> {
	const base = new URL(baseURL);
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			{
				host: '127.0.0.1',
				port: base.port,
				method: asked.method,
				path: asked.path,
				localAddress: asked.from,
				headers: { host: base.host, ...asked.headers }
			},
			(incoming) => {
				const chunks: Buffer[] = [];
				incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
				incoming.on('error', reject);
				incoming.on('end', () => {
					const body = Buffer.concat(chunks);
					const headers: Record<string, string> = {};
					for (const [name, value] of Object.entries(incoming.headers))
						if (value !== undefined)
							headers[name] = Array.isArray(value) ? value.join(', ') : value;
					resolve({
						url: () => `${base.origin}${asked.path}`,
						status: () => incoming.statusCode ?? 0,
						headers: () => headers,
						body: async () => body,
						text: async () => body.toString('utf8')
					});
				});
			}
		);
		outgoing.on('error', reject);
		outgoing.end(asked.body);
	});
}

/** The cookie header a signed-in Playwright client sends. */
export const cookieHeader = (cookies: { name: string; value: string }[]): string =>
	cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
