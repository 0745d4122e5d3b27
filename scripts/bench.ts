// npm run bench -- --db <file> [--duration 10] [--connections 10] [--out docs/benchmarks.md]
// Starts the built app on the database and measures, with autocannon after a warm-up, what people
// use most, next to a hello-world route in the same run; times the coverage report's own SQL
// through better-sqlite3 directly; samples the server's memory. Appends the results, with the
// machine, the command and the date, to the output file. The database gains sign-in sessions, a
// calendar-feed token and feedback answers; use a copy you can spare.
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db/connect.ts';
import { calendarFeedPath, createCalendarFeed } from '../src/lib/server/calendar-feed/service.ts';
import { coverageQueriesFor } from './bench/coverage-sql.ts';
import { drained, measure, type Row, type Target } from './bench/measure.ts';
import { sampleResources, signIn, startServer } from './bench/server.ts';
import { countWrites, feedbackAnswers, openFeedbackTokens } from './bench/writes.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '10' },
		out: { type: 'string', default: 'docs/benchmarks.md' },
		port: { type: 'string', default: '4380' }
	}
});
if (!values.db) {
	console.error('Usage: npm run bench -- --db <file> [--duration 10] [--connections 10]');
	process.exit(2);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const origin = `http://localhost:${values.port}`;

// A calendar feed for admin@ (its token is shown only now) and a few ids to ask for.
const kysely = openDatabase(values.db);
const admin = await kysely
	.selectFrom('users')
	.select('id')
	.where('email', '=', 'admin@demo.test')
	.executeTakeFirstOrThrow();
const adminDistrict = await kysely
	.selectFrom('user_districts')
	.select('district_id')
	.where('user_id', '=', admin.id)
	.executeTakeFirstOrThrow();
const feedPath = calendarFeedPath(await createCalendarFeed(kysely, { id: admin.id, ip: null }));
const session = await kysely
	.selectFrom('bell_sessions')
	.innerJoin('neighborhoods', 'neighborhoods.id', 'bell_sessions.neighborhood_id')
	.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
	.select('bell_sessions.id')
	.where('areas.district_id', '=', adminDistrict.district_id)
	.orderBy('bell_sessions.id')
	.executeTakeFirstOrThrow();
// Forms open now, each answered from its own phone's address (see bench/writes.ts).
const feedbackTokens = await openFeedbackTokens(kysely, 200);
await kysely.destroy();
const rawQueries = await coverageQueriesFor(values.db, 'liaison@demo.test');
const rawQueriesAll = await coverageQueriesFor(values.db, 'national@demo.test');

// Behind a proxy, as deployed: the office's address for the pages, each phone's for the answers.
const { process: server, stop } = await startServer(values.db, values.port!, {
	ADDRESS_HEADER: 'x-forwarded-for'
});
const office = { 'x-forwarded-for': '192.168.0.1' };
const cookieOf = (email: string) => signIn(origin, email, office);
const cookies = {
	admin: await cookieOf('admin@demo.test'),
	manager: await cookieOf('manager@demo.test'),
	staff: await cookieOf('staff@demo.test'),
	liaison: await cookieOf('liaison@demo.test'),
	national: await cookieOf('national@demo.test')
};
const resources = sampleResources(server.pid!, values.db);

const targets: Target[] = [
	{ name: 'hello-world route (baseline)', path: '/hello' },
	{
		name: 'sign-in (argon2id verify)',
		path: '/login',
		method: 'POST',
		body: 'email=liaison%40demo.test&password=demo-pass-1405'
	},
	{ name: 'home, admin', path: '/', cookie: cookies.admin },
	{ name: 'home, centre manager', path: '/', cookie: cookies.manager },
	{ name: 'home, school staff', path: '/', cookie: cookies.staff },
	{ name: 'home, liaison', path: '/', cookie: cookies.liaison },
	{
		name: '/sessions filtered, page 2',
		path: '/sessions?status=held&page=2',
		cookie: cookies.admin
	},
	{ name: 'a session page', path: `/sessions/${session.id}`, cookie: cookies.admin },
	{ name: '/coverage, one district', path: '/coverage', cookie: cookies.liaison },
	{ name: '/coverage, every district', path: '/coverage', cookie: cookies.national },
	{ name: 'coverage CSV, one district', path: '/coverage/export.csv', cookie: cookies.liaison },
	{ name: 'calendar feed', path: feedPath },
	{ name: 'feedback form (unknown link)', path: '/f/AAAAAAAAAAAA' },
	...(feedbackTokens.length
		? [
				{
					name: 'feedback form opened and answered',
					path: '/f/',
					requests: feedbackAnswers(origin, feedbackTokens)
				}
			]
		: [])
];

const answersBefore = (await countWrites(values.db)).answers;
const rows: Row[] = [];
for (const target of targets) {
	const run = { ...target, headers: office };
	await measure(origin, run, { seconds: 2, connections }); // warm-up
	await drained(origin);
	const row = await measure(origin, run, { seconds: duration, connections });
	await drained(origin);
	rows.push(row);
	console.log(
		`${row.name}: p50 ${row.p50} ms, p95 ${row.p95} ms, ${row.rps.toFixed(0)} req/s, ${row.errors} errors`
	);
}
resources.stop();
stop();
const answersStored = (await countWrites(values.db)).answers - answersBefore;

/** The median time of the coverage report's own statements, run straight through better-sqlite3. */
function rawTime(queries: { sql: string; parameters: readonly unknown[] }[]): number {
	const db = new SQLite(values.db!, { readonly: true });
	const statements = queries.map((q) => ({
		statement: db.prepare(q.sql),
		parameters: q.parameters
	}));
	const times: number[] = [];
	for (let i = 0; i < 15; i++) {
		const started = performance.now();
		for (const { statement, parameters } of statements) statement.all(...(parameters as unknown[]));
		times.push(performance.now() - started);
	}
	db.close();
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}
const rawOne = rawTime(rawQueries);
const rawAll = rawTime(rawQueriesAll);

const hello = rows[0]!;
function versusRaw(name: string, raw: number): string {
	const row = rows.find((r) => r.name === name)!;
	return row.completed
		? `handler p50 ${row.p50} ms, ratio ${(row.p50 / raw).toFixed(2)}`
		: `the handler did not answer within the run`;
}
const lines = [
	'',
	`## ${new Date().toISOString().slice(0, 10)} — ${values.db}`,
	'',
	`Command: \`npm run bench -- --db ${values.db} --duration ${duration} --connections ${connections}\``,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	'',
	'| request | p50 ms | p95 ms (p97.5) | p99 ms | req/s | × hello | errors |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows.map((r) =>
		r.completed
			? `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.rps / hello.rps).toFixed(3)} | ${r.errors} |`
			: `| ${r.name} | > ${duration * 1000} | — | — | 0 | 0.000 | none answered within ${duration} s |`
	),
	'',
	`Coverage SQL straight through better-sqlite3 (median of 15): one district ${rawOne.toFixed(1)} ms ` +
		`(${versusRaw('/coverage, one district', rawOne)}); every district ${rawAll.toFixed(1)} ms ` +
		`(${versusRaw('/coverage, every district', rawAll)}).`,
	`Feedback answers stored by the run (warm-ups included): ${answersStored} ` +
		`(${feedbackTokens.length} forms open; a full form refuses, and its refusals count as answers).`,
	`Server memory (peak RSS under load): ${resources.peak.rssMb.toFixed(0)} MB.`,
	''
];
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
