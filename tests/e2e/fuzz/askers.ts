import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { Role } from '../authorization-matrix';
import { newApiToken, newCalendarFeedPath } from './credentials';
import { contextFor } from './forms';
import type { QueryRequest, QueryTarget } from './queries';

// The clients the GET fuzzer asks through: each role signed in (pages and downloads), and a client
// without a session that carries a role's API token or opens a role's calendar feed.

const roles: Role[] = ['admin', 'center_manager', 'school_staff', 'liaison'];

/** Only visible ASCII fits in a header: a forged token keeps what does. */
const headerSafe = (token: string) => token.replace(/[^\x21-\x7e]/g, '');

interface Clients {
	signedIn: Map<Role, APIRequestContext>;
	anonymous: APIRequestContext;
	apiTokens: Map<Role, string>;
	feeds: Map<Role, string>;
}

export class Askers {
	private readonly clients: Clients;

	private constructor(clients: Clients) {
		this.clients = clients;
	}

	static async open(baseURL: string): Promise<Askers> {
		const signedIn = new Map<Role, APIRequestContext>();
		const apiTokens = new Map<Role, string>();
		const feeds = new Map<Role, string>();
		for (const role of roles) {
			signedIn.set(role, await contextFor(role, baseURL));
			feeds.set(role, await newCalendarFeedPath(baseURL, role));
			if (role === 'admin' || role === 'liaison')
				apiTokens.set(role, await newApiToken(baseURL, role));
		}
		const anonymous = await request.newContext({
			baseURL,
			extraHTTPHeaders: { accept: 'text/html' }
		});
		return new Askers({ signedIn, anonymous, apiTokens, feeds });
	}

	/** The page as the first role that reads it sees it, without a query. */
	async page(target: QueryTarget): Promise<string> {
		const role = target.roles[0]!;
		return (await this.clients.signedIn.get(role)!.get(target.paths.get(role)!)).text();
	}

	ask(target: QueryTarget, asked: QueryRequest): Promise<APIResponse> {
		const { signedIn, anonymous, apiTokens, feeds } = this.clients;
		const query = asked.query ? `?${asked.query}` : '';
		const prefix = asked.english ? '/en' : '';
		if (target.kind === 'json') {
			const token = asked.forged === null ? apiTokens.get(asked.role)! : headerSafe(asked.forged);
			return anonymous.get(`${target.route}${query}`, {
				headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
				maxRedirects: 0
			});
		}
		if (target.kind === 'ics') {
			const feed =
				asked.forged === null
					? feeds.get(asked.role)!
					: `/calendar/feed/${encodeURIComponent(asked.forged)}.ics`;
			return anonymous.get(`${prefix}${feed}${query}`, { maxRedirects: 0 });
		}
		const path = target.paths.get(asked.role)!;
		return signedIn.get(asked.role)!.get(`${prefix}${path}${query}`, { maxRedirects: 0 });
	}

	async close(): Promise<void> {
		const { signedIn, anonymous } = this.clients;
		for (const context of [...signedIn.values(), anonymous]) await context.dispose();
	}
}
