// npm run bench:public -- --db <file> [--duration 10] [--connections 50] [--out docs/benchmarks.md]
// How many requests a second a neighbourhood's public page serves, as a crowd would ask for it:
// each request from an address of its own (so each is counted by the per-address limit, one
// database write, and the page is made), browsers asking again with the ETag they hold (304),
// one address flooding past its limit (429), the poster and a centre's feed; beside the
// hello-world route in the same run. Appends the results to the output file.
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/connect.ts';
import { drained, measure, type Row, type Target } from './bench/measure.ts';
import { sampleResources, startServer } from './bench/server.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		out: { type: 'string', default: 'docs/benchmarks.md' },
		port: { type: 'string', default: '4381' }
	}
});
if (!values.db) {
	console.error('Usage: npm run bench:public -- --db <file> [--duration 10] [--connections 50]');
	process.exit(2);
}
const seconds = Number(values.duration);
const connections = Number(values.connections);
const origin = `http://localhost:${values.port}`;

// The neighbourhood with the most events to show, and its centre.
const db = openDatabase(values.db);
const busiest = await db
	.selectFrom('campaign_events')
	.innerJoin('campaigns', 'campaigns.id', 'campaign_events.campaign_id')
	.innerJoin('centers', 'centers.id', 'campaigns.center_id')
	.select((eb) => ['centers.neighborhood_id', 'centers.id', eb.fn.countAll<number>().as('events')])
	.where('campaign_events.ends_at', '>', new Date().toISOString())
	.groupBy(['centers.neighborhood_id', 'centers.id'])
	.orderBy('events', 'desc')
	.orderBy('centers.id')
	.executeTakeFirstOrThrow();
await db.destroy();
const page = `/n/${busiest.neighborhood_id}`;

// Behind a proxy, as deployed: the proxy says whose request it is.
const { process: server, stop } = await startServer(values.db, values.port!, {
	ADDRESS_HEADER: 'x-forwarded-for'
});
const resources = sampleResources(server.pid!, values.db);

let visitor = 0;
/** Every request from an address of its own (a header value only: nothing is sent there). */
function fromEachAddress(path: string, headers: Record<string, string> = {}): autocannon.Request[] {
	return [
		{
			path,
			setupRequest: (request) => {
				visitor++;
				const address = `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
				return {
					...request,
					headers: { ...request.headers, ...headers, 'x-forwarded-for': address }
				};
			}
		}
	];
}

const etag = (
	await fetch(origin + page, { headers: { 'x-forwarded-for': '192.0.2.1' } })
).headers.get('etag')!;
const targets: Target[] = [
	{ name: 'hello-world route (baseline)', path: '/hello' },
	{
		name: 'public page, each request from its own address',
		path: page,
		requests: fromEachAddress(page)
	},
	{
		name: 'public page asked again with its ETag (304)',
		path: page,
		requests: fromEachAddress(page, { 'if-none-match': etag })
	},
	{
		name: 'public page, one address flooding (429 past its limit)',
		path: page,
		headers: { 'x-forwarded-for': '192.0.2.99' }
	},
	{ name: 'poster', path: `${page}/poster`, requests: fromEachAddress(`${page}/poster`) },
	{
		name: 'centre feed (iCalendar)',
		path: `${page}/centres/${busiest.id}.ics`,
		requests: fromEachAddress(`${page}/centres/${busiest.id}.ics`)
	}
];

const rows: Row[] = [];
for (const target of targets) {
	await measure(origin, target, { seconds: 2, connections }); // warm-up
	await drained(origin);
	const row = await measure(origin, target, { seconds, connections });
	await drained(origin);
	rows.push(row);
	console.log(
		`${row.name}: p50 ${row.p50} ms, ${row.rps.toFixed(0)} req/s, ${JSON.stringify(row.statuses)}`
	);
}
resources.stop();
stop();

const hello = rows[0]!;
const statuses = (r: Row) =>
	Object.entries(r.statuses)
		.filter(([, n]) => n)
		.map(([status, n]) => `${status} ${n}`)
		.join(', ');
const lines = [
	'',
	`## Public page ${new Date().toISOString().slice(0, 10)} — ${values.db}`,
	'',
	`Command: \`npm run bench:public -- --db ${values.db} --duration ${seconds} --connections ${connections}\` (${page}, ${busiest.events} coming events)`,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	'',
	'| request | p50 ms | p95 ms (p97.5) | p99 ms | req/s | × hello | answers | errors |',
	'| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
	...rows.map(
		(r) =>
			`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.rps / hello.rps).toFixed(3)} | ${statuses(r)} | ${r.errors} |`
	),
	'',
	`Server memory (peak RSS under load): ${resources.peak.rssMb.toFixed(0)} MB; WAL peak ${resources.peak.walMb.toFixed(1)} MB.`,
	''
];
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
