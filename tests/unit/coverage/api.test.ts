import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../src/lib/server/api-tokens/service.ts';
import type { AuthUser } from '../../../src/lib/server/auth/guard.ts';
import type { DB } from '../../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../../src/lib/server/db/migrate.ts';
import { demoPasswordHash, findStored, insertSecondDistrict } from '../users/fixtures.ts';
import { EXPECTED } from './expected.ts';
import { buildCoverageWorld, scopedUserOf, type CoverageWorld } from './fixtures.ts';

// The read-only API as a ministry system meets it: a personal token is the only way in, the
// token's owner's scope applies, and sessions come a page at a time.

vi.stubEnv('DATABASE_PATH', ':memory:');
const { getDb } = await import('../../../src/lib/server/db/index.ts');
const coverageRoute = await import('../../../src/routes/api/v1/coverage/+server.ts');
const sessionsRoute = await import('../../../src/routes/api/v1/sessions/+server.ts');
const profile = await import('../../../src/routes/profile/+page.server.ts');

const ORIGIN = 'https://bell.example.org';

/** What both routes are to a caller: a GET handler of a request event. */
type Route = { GET: (event: never) => Response | Promise<Response> };

async function call(
	route: Route,
	path: string,
	authorization?: string,
	user: AuthUser | null = null
): Promise<Response> {
	const url = new URL(`${ORIGIN}${path}`);
	const headers = authorization ? { authorization } : undefined;
	return route.GET({ request: new Request(url, { headers }), url, locals: { user } } as never);
}

let db: DB;
let world: CoverageWorld;
let liaison: AuthUser;
let token: string;

beforeAll(async () => {
	db = getDb();
	await migrateToLatest(db);
	world = await buildCoverageWorld(db);
	await insertSecondDistrict(db, await demoPasswordHash(db));
	liaison = await scopedUserOf(db, 'liaison@demo.test');
	token = (await createApiToken(db, { id: liaison.id, ip: null }, 'آمار وزارت')).token;
});
afterAll(async () => db.destroy());

describe('the read-only API', () => {
	const bearer = (t: string) => `Bearer ${t}`;

	it('answers 401 in JSON without a live token, even to a signed-in user', async () => {
		const revoked = await createApiToken(db, { id: liaison.id, ip: null }, 'کهنه');
		await revokeApiToken(db, { id: liaison.id, ip: null }, revoked.id);
		for (const route of [coverageRoute, sessionsRoute]) {
			for (const [authorization, user] of [
				[undefined, null],
				[undefined, liaison],
				['Basic abc', null],
				[bearer('pbk_unknown'), null],
				[bearer(revoked.token), liaison]
			] as const) {
				const response = await call(route, '/api/v1/x', authorization, user);
				expect(response.status).toBe(401);
				expect(response.headers.get('www-authenticate')).toBe('Bearer realm="prevention-bell"');
				expect((await response.json()).error.code).toBe('unauthorized');
			}
		}
	});

	it('stops a token when its owner is deactivated or no longer a liaison or admin', async () => {
		const { token: other } = await createApiToken(db, { id: liaison.id, ip: null }, 'دیگر');
		expect((await call(coverageRoute, '/api/v1/coverage', bearer(other))).status).toBe(200);
		const set = (values: { active?: number; role?: 'center_manager' | 'liaison' }) =>
			db.updateTable('users').set(values).where('id', '=', liaison.id).execute();
		try {
			await set({ active: 0 });
			expect((await call(coverageRoute, '/api/v1/coverage', bearer(other))).status).toBe(401);
			await set({ active: 1, role: 'center_manager' });
			expect((await call(coverageRoute, '/api/v1/coverage', bearer(other))).status).toBe(401);
		} finally {
			await set({ active: 1, role: 'liaison' });
		}
	});

	it("gives the coverage of the token owner's scope and notes the token's use", async () => {
		const response = await call(coverageRoute, '/api/v1/coverage', bearer(token));
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = await response.json();
		expect(body.headline).toEqual(EXPECTED);
		expect(body.year).toMatchObject({ id: world.yearId, startsOn: '2026-09-23' });
		expect(body.rows[0]).toHaveProperty('nameFa');
		const used = await db
			.selectFrom('api_tokens')
			.select('last_used_at')
			.where('name', '=', 'آمار وزارت')
			.executeTakeFirstOrThrow();
		expect(used.last_used_at).not.toBeNull();

		const admin15 = await scopedUserOf(db, 'admin15@other.test');
		const theirs = (await createApiToken(db, { id: admin15.id, ip: null }, 'منطقه ۱۵')).token;
		const other = await (await call(coverageRoute, '/api/v1/coverage', bearer(theirs))).json();
		expect(other.headline).toMatchObject({ neighborhoodsTotal: 1, sessionsHeld: 0 });
		const sessions = await (await call(sessionsRoute, '/api/v1/sessions', bearer(theirs))).json();
		expect(sessions).toEqual({ sessions: [], next: null });
	});

	it('pages through sessions by keyset, in time order, without gaps or repeats', async () => {
		const all = await (
			await call(sessionsRoute, '/api/v1/sessions?limit=200', bearer(token))
		).json();
		expect(all.sessions).toHaveLength(9);
		expect(all.next).toBeNull();
		const seen: number[] = [];
		let next: string | null = null;
		do {
			const query = `/api/v1/sessions?limit=4${next ? `&after=${next}` : ''}`;
			const page: { sessions: { id: number }[]; next: string | null } = await (
				await call(sessionsRoute, query, bearer(token))
			).json();
			expect(page.sessions.length).toBeLessThanOrEqual(4);
			seen.push(...page.sessions.map((s) => s.id));
			next = page.next;
		} while (next);
		expect(seen).toEqual(all.sessions.map((s: { id: number }) => s.id));
		expect(all.sessions[0].id).toBe(world.sessions.heldLastYear);
	});

	it('filters sessions and gives attendance as head counts', async () => {
		const list = async (query: string) =>
			(await (await call(sessionsRoute, `/api/v1/sessions?${query}`, bearer(token))).json())
				.sessions;
		const held = await list('status=held&from=2026-09-23');
		expect(held.map((s: { id: number }) => s.id)).toEqual([
			world.sessions.heldDowlabAddiction,
			world.sessions.heldDowlabCyberspace,
			world.sessions.heldKhavaranNoAttendance
		]);
		expect(held[0]).toMatchObject({
			date: '2026-10-13',
			grades: [7, 8, 9],
			school: { id: world.dowlab.schoolId, level: 'lower_secondary', gender: 'girls' },
			neighborhood: { nameFa: 'دولاب', areaId: world.dowlab.areaId },
			topic: { code: 'addiction' },
			attendance: { students: 55, teachers: 2, parents: 0 }
		});
		expect(held[2].attendance).toBeNull();
		expect(await list(`neighborhood=${world.shahin.neighborhoodId}`)).toHaveLength(2);
		expect(await list(`school=${world.khavaran.schoolId}&to=2026-12-01`)).toHaveLength(2);
		expect(await list(`area=${world.dowlab.areaId}`)).toHaveLength(9);
	});

	it('refuses nonsense parameters with 400 in JSON', async () => {
		for (const query of [
			'status=done',
			'from=1405/07/01',
			'limit=0',
			'limit=1000',
			'after=nonsense',
			'area=x'
		]) {
			const response = await call(sessionsRoute, `/api/v1/sessions?${query}`, bearer(token));
			expect(response.status, query).toBe(400);
			expect((await response.json()).error.code).toBe('bad_request');
		}
	});
});

describe('API tokens on the profile', () => {
	async function act(
		action: 'createApiToken' | 'revokeApiToken',
		email: string,
		form: Record<string, string>
	) {
		const user = await scopedUserOf(db, email);
		const body = new URLSearchParams(form);
		const url = new URL(`${ORIGIN}/profile?/${action}`);
		const request = new Request(url, { method: 'POST', body });
		const event = { request, url, locals: { user }, getClientAddress: () => '10.0.0.1' };
		try {
			return await profile.actions[action]!(event as never);
		} catch (thrown) {
			if (isHttpError(thrown)) return { status: thrown.status };
			throw thrown;
		}
	}

	it('lets a liaison make a token, shown once, kept only as a hash, and audited by name', async () => {
		const made = (await act('createApiToken', 'liaison@demo.test', { name: ' آمار استان ' })) as {
			apiToken: { name: string; token: string };
		};
		expect(made.apiToken.name).toBe('آمار استان');
		expect(made.apiToken.token).toMatch(/^pbk_[\w-]{43}$/);
		const stored = await db
			.selectFrom('api_tokens')
			.selectAll()
			.where('name', '=', 'آمار استان')
			.executeTakeFirstOrThrow();
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await findStored(db, [made.apiToken.token.slice(4)])).toEqual([]);
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'api_token_created')
			.where('entity_id', '=', stored.id)
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			entity_type: 'api_token',
			subject: 'آمار استان',
			ip: '10.0.0.1'
		});

		const loaded = (await profile.load({
			locals: { user: await scopedUserOf(db, 'liaison@demo.test') },
			url: new URL(`${ORIGIN}/profile`)
		} as never)) as { apiTokens: { id: number }[] };
		expect(loaded.apiTokens.map((t) => t.id)).toContain(stored.id);

		expect(await act('revokeApiToken', 'admin@demo.test', { token_id: String(stored.id) })).toEqual(
			{ status: 404 }
		);
		expect(
			await act('revokeApiToken', 'liaison@demo.test', { token_id: String(stored.id) })
		).toEqual({ apiTokenRevoked: 'آمار استان' });
		expect(
			await act('revokeApiToken', 'liaison@demo.test', { token_id: String(stored.id) })
		).toEqual({ status: 404 });
		const revoked = await db
			.selectFrom('audit_log')
			.select('subject')
			.where('action', '=', 'api_token_revoked')
			.where('entity_id', '=', stored.id)
			.execute();
		expect(revoked).toEqual([{ subject: 'آمار استان' }]);
	});

	it('refuses a nameless token, and tokens to anyone but liaisons and admins', async () => {
		const nameless = await act('createApiToken', 'admin@demo.test', { name: '  ' });
		expect(isActionFailure(nameless) && nameless.status).toBe(400);
		for (const email of ['manager@demo.test', 'staff@demo.test'])
			expect(await act('createApiToken', email, { name: 'x' })).toEqual({ status: 404 });
		const loaded = (await profile.load({
			locals: { user: await scopedUserOf(db, 'manager@demo.test') },
			url: new URL(`${ORIGIN}/profile`)
		} as never)) as { apiTokens: unknown };
		expect(loaded.apiTokens).toBeNull();
	});
});
