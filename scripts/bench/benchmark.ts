import SQLite from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, openDatabase } from '../../src/lib/server/db/connect.ts';
import {
	calendarFeedPath,
	createCalendarFeed
} from '../../src/lib/server/calendar-feed/service.ts';
import { coverageQueriesFor, type CaughtQuery } from './coverage-sql.ts';
import { sampleResources, signIn, startServer } from './server.ts';
import { drained, measure, type Row, type Target } from './measure.ts';
import { countWrites, feedbackAnswers, openFeedbackTokens } from './writes.ts';

// One benchmark run on one database: the built app started on it, each kind of request measured
// with autocannon after a warm-up (measure.ts), the coverage report's SQL timed straight through the engine's
// own driver (better-sqlite3, node-postgres), the server's memory sampled.

export interface BenchResult {
	target: string;
	rows: Row[];
	/** Median time of the coverage report's own SQL, one district and every district. */
	rawOne: number;
	rawAll: number;
	answersStored: number;
	feedbackForms: number;
	peakRssMb: number;
}

/** The median time of the statements, run 15 times straight through the engine's driver. */
async function rawTime(target: string, queries: CaughtQuery[]): Promise<number> {
	const times: number[] = [];
	if (isPostgresUrl(target)) {
		const client = new pg.Client({ connectionString: target });
		await client.connect();
		for (let i = 0; i < 15; i++) {
			const started = performance.now();
			for (const q of queries) await client.query(q.sql, [...q.parameters]);
			times.push(performance.now() - started);
		}
		await client.end();
	} else {
		const db = new SQLite(target, { readonly: true });
		const statements = queries.map((q) => ({ statement: db.prepare(q.sql), q }));
		for (let i = 0; i < 15; i++) {
			const started = performance.now();
			for (const { statement, q } of statements) statement.all(...(q.parameters as unknown[]));
			times.push(performance.now() - started);
		}
		db.close();
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

/** What to ask for, signed in as whom, on this database. */
async function targetsOn(db: string, origin: string, tokens: string[]): Promise<Target[]> {
	const kysely = openDatabase(db, { poolSize: 1 });
	const admin = await kysely
		.selectFrom('users')
		.innerJoin('user_districts', 'user_districts.user_id', 'users.id')
		.select(['users.id', 'user_districts.district_id'])
		.where('email', '=', 'admin@demo.test')
		.executeTakeFirstOrThrow();
	// A calendar feed for admin@ (its token is shown only now) and a session of their district.
	const feedPath = calendarFeedPath(await createCalendarFeed(kysely, { id: admin.id, ip: null }));
	const session = await kysely
		.selectFrom('bell_sessions')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select('bell_sessions.id')
		.where('areas.district_id', '=', admin.district_id)
		.orderBy('bell_sessions.id')
		.executeTakeFirstOrThrow();
	await kysely.destroy();

	// Behind a proxy, as deployed: the office's address for the pages, each phone's for answers.
	const cookieOf = (email: string) => signIn(origin, email, office);
	const [adminC, manager, staff, liaison, national] = await Promise.all(
		['admin', 'manager', 'staff', 'liaison', 'national'].map((n) => cookieOf(`${n}@demo.test`))
	);
	return [
		{ name: 'hello-world route (baseline)', path: '/hello' },
		{
			name: 'sign-in (argon2id verify)',
			path: '/login',
			method: 'POST',
			body: 'email=liaison%40demo.test&password=demo-pass-1405'
		},
		{ name: 'home, admin', path: '/', cookie: adminC },
		{ name: 'home, centre manager', path: '/', cookie: manager },
		{ name: 'home, school staff', path: '/', cookie: staff },
		{ name: 'home, liaison', path: '/', cookie: liaison },
		{ name: 'home, national', path: '/', cookie: national },
		{ name: '/sessions filtered, page 2', path: '/sessions?status=held&page=2', cookie: adminC },
		{ name: '/sessions, national', path: '/sessions', cookie: national },
		{ name: '/campaigns, national', path: '/campaigns', cookie: national },
		{ name: 'a session page', path: `/sessions/${session.id}`, cookie: adminC },
		{ name: '/coverage, one district', path: '/coverage', cookie: liaison },
		{ name: '/coverage, every district', path: '/coverage', cookie: national },
		{ name: 'coverage CSV, one district', path: '/coverage/export.csv', cookie: liaison },
		{ name: 'calendar feed', path: feedPath },
		{ name: 'feedback form (unknown link)', path: '/f/AAAAAAAAAAAA' },
		...(tokens.length
			? [
					{
						name: 'feedback form opened and answered',
						path: '/f/',
						requests: feedbackAnswers(origin, tokens)
					}
				]
			: [])
	];
}

const office = { 'x-forwarded-for': '192.168.0.1' };

export async function benchmark(
	db: string,
	options: { port: string; duration: number; connections: number; env?: Record<string, string> }
): Promise<BenchResult> {
	const origin = `http://localhost:${options.port}`;
	const reader = openDatabase(db, { poolSize: 1 });
	// Forms open now, each answered from its own phone's address (see bench/writes.ts).
	const tokens = await openFeedbackTokens(reader, 200);
	await reader.destroy();
	const [rawOneQueries, rawAllQueries] = await Promise.all([
		coverageQueriesFor(db, 'liaison@demo.test'),
		coverageQueriesFor(db, 'national@demo.test')
	]);
	const server = await startServer(db, options.port, {
		ADDRESS_HEADER: 'x-forwarded-for',
		...options.env
	});
	const targets = await targetsOn(db, origin, tokens);
	const resources = sampleResources(server.process.pid!, db);
	const answersBefore = (await countWrites(db)).answers;
	const rows: Row[] = [];
	const { connections } = options;
	for (const target of targets) {
		const run = { ...target, headers: office };
		await measure(origin, run, { seconds: 2, connections }); // warm-up
		await drained(origin);
		const row = await measure(origin, run, { seconds: options.duration, connections });
		await drained(origin);
		rows.push(row);
		console.log(
			`${row.name}: p50 ${row.p50} ms, p95 ${row.p95} ms, ${row.rps.toFixed(0)} req/s, ${row.errors} errors`
		);
	}
	resources.stop();
	await server.stop();
	return {
		target: db,
		rows,
		rawOne: await rawTime(db, rawOneQueries),
		rawAll: await rawTime(db, rawAllQueries),
		answersStored: (await countWrites(db)).answers - answersBefore,
		feedbackForms: tokens.length,
		peakRssMb: resources.peak.rssMb
	};
}
