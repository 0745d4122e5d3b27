// npm run bench:workers -- --db <file or postgres://…> [--db …] [--seconds 20]
// What several server processes buy, on each database: (1) throughput of the signed-in pages
// people use most, with WORKERS=1 and WORKERS=2, at 16 connections without pause, and how much
// CPU the load generator itself took (it shares the machine's cores); (2) a cheap page (a
// session's page, as staff@) measured on an idle server, then while national@ loads /coverage
// over and over without pause, with WORKERS=2. Appends the results to docs/benchmarks.md.
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/connect.ts';
import { describeDatabase } from '../src/lib/server/db/index.ts';
import { sampleResources, signIn, startServer } from './bench/server.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string', multiple: true },
		seconds: { type: 'string', default: '20' },
		port: { type: 'string', default: '4382' },
		out: { type: 'string', default: 'docs/benchmarks.md' }
	}
});
if (!values.db?.length) {
	console.error('Usage: npm run bench:workers -- --db <file or postgres://…> [--db …]');
	process.exit(2);
}
const seconds = Number(values.seconds);
const origin = `http://localhost:${values.port}`;

/** A session of staff@'s school: the cheap page. */
async function staffSession(db: string): Promise<number> {
	const kysely = openDatabase(db, { poolSize: 1 });
	try {
		const { id } = await kysely
			.selectFrom('bell_sessions')
			.innerJoin('users', 'users.school_id', 'bell_sessions.school_id')
			.select('bell_sessions.id')
			.where('users.email', '=', 'staff@demo.test')
			.orderBy('bell_sessions.id')
			.executeTakeFirstOrThrow();
		return id;
	} finally {
		await kysely.destroy();
	}
}

interface Load {
	requests: { path: string; cookie: string }[];
	connections: number;
	seconds: number;
}

/** autocannon over the requests in turn; with the share of a core this process used meanwhile. */
async function load({ requests, connections, seconds }: Load) {
	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const result = await autocannon({
		url: origin,
		connections,
		duration: seconds,
		requests: requests.map((r) => ({
			method: 'GET',
			path: r.path,
			headers: { cookie: r.cookie, accept: 'text/html' }
		}))
	});
	const cpu = process.cpuUsage(cpuBefore);
	const cores = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p95: result.latency.p97_5,
		errors: result.errors + result.timeouts + result.non2xx,
		generatorCores: cores
	};
}

async function withServer<T>(db: string, workers: number, run: () => Promise<T>) {
	const server = await startServer(db, values.port!, { WORKERS: String(workers) });
	const resources = sampleResources(server.process.pid!, db);
	try {
		return { result: await run(), memory: resources.peak };
	} finally {
		resources.stop();
		await server.stop();
	}
}

const lines = [
	'',
	`## Workers ${new Date().toISOString().slice(0, 10)} — ${values.db.map(describeDatabase).join(' and ')}`,
	'',
	`Command: \`npm run bench:workers -- ${values.db.map((db) => `--db ${describeDatabase(db)}`).join(' ')} --seconds ${seconds}\``,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	''
];
for (const db of values.db) {
	const session = await staffSession(db);
	const pages = async () => {
		const cookie = (email: string) => signIn(origin, email);
		const [staff, manager, admin, liaison] = await Promise.all(
			['staff', 'manager', 'admin', 'liaison'].map((name) => cookie(`${name}@demo.test`))
		);
		return [
			{ path: '/', cookie: staff! },
			{ path: `/sessions/${session}`, cookie: staff! },
			{ path: '/sessions', cookie: manager! },
			{ path: '/', cookie: manager! },
			{ path: '/sessions?status=held&page=2', cookie: admin! },
			{ path: '/coverage', cookie: liaison! }
		];
	};
	const throughput = [];
	for (const workers of [1, 2]) {
		const run = await withServer(db, workers, async () => {
			const requests = await pages();
			await load({ requests, connections: 16, seconds: 3 }); // warm-up
			return load({ requests, connections: 16, seconds });
		});
		throughput.push({ workers, ...run.result, memory: run.memory });
		console.log(
			`${describeDatabase(db)}, ${workers} worker(s): ${run.result.rps.toFixed(0)} req/s`
		);
	}
	const contention = await withServer(db, 2, async () => {
		const cheap = [
			{ path: `/sessions/${session}`, cookie: await signIn(origin, 'staff@demo.test') }
		];
		const heavy = [{ path: '/coverage', cookie: await signIn(origin, 'national@demo.test') }];
		await load({ requests: cheap, connections: 1, seconds: 3 }); // warm-up
		const idle = await load({ requests: cheap, connections: 1, seconds });
		const [busy] = await Promise.all([
			load({ requests: cheap, connections: 1, seconds }),
			load({ requests: heavy, connections: 1, seconds })
		]);
		return { idle, busy };
	});
	const [one, two] = throughput;
	const { idle, busy } = contention.result;
	lines.push(
		`### ${describeDatabase(db)}`,
		'',
		'| workers | req/s | p50 ms | p95 ms (p97.5) | errors | load generator (cores) | largest process MB | all processes MB |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...throughput.map(
			(t) =>
				`| ${t.workers} | ${t.rps.toFixed(0)} | ${t.p50} | ${t.p95} | ${t.errors} | ${t.generatorCores.toFixed(2)} | ${t.memory.rssMb.toFixed(0)} | ${t.memory.totalRssMb.toFixed(0)} |`
		),
		'',
		`Throughput with 2 workers: ${(two!.rps / one!.rps).toFixed(2)} × one worker's (budget ≥ 1.6 ×: ${two!.rps / one!.rps >= 1.6 ? 'met' : '**not met**'}).`,
		`A session's page as staff@, 2 workers: p95 ${idle.p95} ms idle, ${busy.p95} ms while national@ loads /coverage without pause ` +
			`(${(busy.p95 / Math.max(1, idle.p95)).toFixed(2)} ×; budget ≤ 2 ×: ${busy.p95 <= 2 * Math.max(1, idle.p95) ? 'met' : '**not met**'}).`,
		''
	);
}
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
