// npm run soak [-- --db <file or postgres://…>] [--minutes 3] [--people 50] [--think 2000]
// [--workers 1] [--kill-worker]: a mixed workload of
// the main roles' pages and writes (attendance corrections, proposals confirmed by the school,
// participants' feedback answers: see bench/writes.ts) for a few minutes, by 50 people working at
// once, each on a connection of their own, pausing about `--think` ms between requests
// (bench/people.ts; `--think 0`: no pause, to find the server's capacity). Passes when nothing is
// refused or unanswered, each kind of request's p95 stays within its budget (the benchmark
// issue's), and the server's memory and WAL stay bounded. Without --db it runs on a fresh
// district-scale synthetic file (with --db the file is written to). The server reads each
// client's address from X-Forwarded-For, as behind a reverse proxy, so participants answering
// from their own phones are not one address. `--workers` runs `npm start` with that many
// processes; `--kill-worker` kills one with SIGKILL halfway through: then only the requests in
// flight on it may fail (the ones sent before the kill and failing within a second of it), every
// write acknowledged is in the database, and a new worker takes its place. Appends its result to
// docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { failuresBesides, killAWorkerAt } from './bench/kill-worker.ts';
import { runPeople } from './bench/people.ts';
import { describeDatabase } from '../src/lib/server/db/index.ts';
import { sampleResources, signIn, startServer } from './bench/server.ts';
import {
	attendanceCorrections,
	countWrites,
	feedbackAnswers,
	findWriteTargets,
	proposalsConfirmed,
	type SoakRequest
} from './bench/writes.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string' },
		minutes: { type: 'string', default: '3' },
		people: { type: 'string', default: '50' },
		think: { type: 'string', default: '2000' },
		port: { type: 'string', default: '4381' },
		out: { type: 'string', default: 'docs/benchmarks.md' },
		workers: { type: 'string', default: '1' },
		'kill-worker': { type: 'boolean', default: false }
	}
});
const thinkMs = Number(values.think);
const budget = { rssMb: 300, walMb: 64 };
// p95 budgets by kind of request: the benchmark issue's (lists of sessions and a session's pages
// 50 ms, coverage 100 ms); 100 ms for the pages and writes it does not name.
const LIST_MS = 50;
const PAGE_MS = 100;

let db = values.db;
if (!db) {
	db = join(mkdtempSync(join(tmpdir(), 'bell-soak-')), 'soak.db');
	execFileSync(process.execPath, ['scripts/synthetic.ts', '--scale', 'district', '--out', db], {
		stdio: 'inherit'
	});
}
const targets = await findWriteTargets(db, 'manager@demo.test', 'staff@demo.test');
if (targets.sessionIds.length < Number(values.people)) {
	console.error(`manager@demo.test has fewer held sessions than there are people.`);
	process.exit(2);
}
const {
	origin,
	process: server,
	stop
} = await startServer(db, values.port!, {
	ADDRESS_HEADER: 'x-forwarded-for',
	WORKERS: values.workers!
});
// Each role works from its own office's address.
const office = (n: number) => ({ 'x-forwarded-for': `192.168.0.${n}` });
const headers = {
	admin: { ...office(1), cookie: await signIn(origin, 'admin@demo.test', office(1)) },
	manager: { ...office(2), cookie: await signIn(origin, 'manager@demo.test', office(2)) },
	staff: { ...office(3), cookie: await signIn(origin, 'staff@demo.test', office(3)) },
	liaison: { ...office(4), cookie: await signIn(origin, 'liaison@demo.test', office(4)) }
};
const page = (path: string, who: Record<string, string>): SoakRequest => ({
	method: 'GET',
	path,
	headers: { ...who, accept: 'text/html' }
});

/** A signed-in page as a kind of request, named by its address and who asks. */
const pageKind = (path: string, who: keyof typeof headers, role: string, budgetMs: number) => ({
	name: `${path === '/' ? 'home' : path}, ${role}`,
	budgetMs,
	requests: [page(path, headers[who])]
});

const writeKinds = {
	corrections: 'attendance form opened and saved (a session page)',
	handshake: 'proposal made (manager) and confirmed (staff)',
	answers: 'feedback form opened and answered'
};

/** The workload, in turn: each kind of request with its p95 budget. */
const kinds: { name: string; budgetMs: number; requests: SoakRequest[] }[] = [
	pageKind('/', 'staff', 'school staff', PAGE_MS),
	pageKind('/sessions?status=proposed', 'staff', 'school staff', LIST_MS),
	pageKind('/', 'manager', 'centre manager', PAGE_MS),
	pageKind('/sessions', 'manager', 'centre manager', LIST_MS),
	pageKind('/calendar', 'manager', 'centre manager', PAGE_MS),
	pageKind('/campaigns', 'manager', 'centre manager', PAGE_MS),
	pageKind('/', 'liaison', 'liaison', PAGE_MS),
	pageKind('/coverage', 'liaison', 'liaison (one district)', PAGE_MS),
	pageKind('/sessions?status=held&page=2', 'admin', 'admin', LIST_MS),
	pageKind('/inbox', 'admin', 'admin', PAGE_MS),
	{
		name: writeKinds.corrections,
		budgetMs: LIST_MS,
		requests: attendanceCorrections(origin, headers.manager, targets.sessionIds)
	},
	{
		name: writeKinds.handshake,
		budgetMs: PAGE_MS,
		requests: proposalsConfirmed(origin, headers.manager, headers.staff, targets.proposals)
	},
	{
		name: writeKinds.answers,
		budgetMs: PAGE_MS,
		requests: feedbackAnswers(origin, targets.tokens)
	}
];
const steps = kinds.flatMap((k) => k.requests.map((request) => ({ kind: k.name, request })));
// Warm-up, not counted: the server compiles its hot code and loads each page's module on first use.
await runPeople({ origin, people: 2, seconds: 15, thinkMs: 0, steps });
const before = await countWrites(db);
const resources = sampleResources(server.pid!, db);
const seconds = Number(values.minutes) * 60;
const killing = values['kill-worker'] ? killAWorkerAt(server.pid!, (seconds * 1000) / 2) : null;
const run = await runPeople({ origin, people: Number(values.people), seconds, thinkMs, steps });
const kill = await killing;
resources.stop();
await stop();
const after = await countWrites(db);
const written = {
	corrections: after.corrections - before.corrections,
	answers: after.answers - before.answers,
	proposed: after.proposed - before.proposed,
	confirmed: after.confirmed - before.confirmed
};
const writes = written.corrections + written.answers + written.proposed + written.confirmed;

/** The `q` quantile (0.5, 0.95...) of the latencies, in ms. */
const quantile = (latencies: number[], q: number) => {
	const sorted = [...latencies].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] ?? NaN;
};
const rows = kinds.map((k) => {
	const latencies = run.answers.filter((a) => a.kind === k.name).map((a) => a.ms);
	return {
		...k,
		answers: latencies.length,
		p50: quantile(latencies, 0.5),
		p95: quantile(latencies, 0.95)
	};
});
const all = run.answers.map((a) => a.ms);
const errors = failuresBesides(run, kill);
// Every write the people were told was done is in the database; a write whose answer was lost with
// a killed worker may be there or not.
const posted = (kind: string, ok: boolean) =>
	ok
		? run.answers.filter((a) => a.kind === kind && a.method === 'POST' && a.status < 400).length
		: run.unanswered.filter((u) => u.kind === kind && u.method === 'POST').length;
const writeChecks = [
	{ name: 'attendance corrections', kind: writeKinds.corrections, stored: written.corrections },
	{
		name: 'proposals and confirmations',
		kind: writeKinds.handshake,
		stored: written.proposed + written.confirmed
	},
	{ name: 'feedback answers', kind: writeKinds.answers, stored: written.answers }
].map((check) => ({
	...check,
	acknowledged: posted(check.kind, true),
	unsure: posted(check.kind, false)
}));
const lost = writeChecks.filter(
	(c) => c.stored < c.acknowledged || c.stored > c.acknowledged + c.unsure
);
const passed =
	errors === 0 &&
	lost.length === 0 &&
	(kill === null || kill.replaced) &&
	rows.every((row) => row.p95 <= row.budgetMs) &&
	resources.peak.rssMb <= budget.rssMb &&
	resources.peak.walMb <= budget.walMb;
const ms = (n: number) => n.toFixed(0);
const statuses = [...new Set(run.refused.map((r) => r.status))].join(', ');
const lines = [
	'',
	`## Soak ${new Date().toISOString().slice(0, 10)} — ${values.db ?? 'district synthetic file'}`,
	'',
	`Command: \`npm run soak -- --minutes ${values.minutes} --people ${values.people} --think ${thinkMs} --workers ${values.workers}${kill ? ' --kill-worker' : ''}${values.db ? ` --db ${describeDatabase(values.db)}` : ''}\``,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	'',
	`${all.length} answers, ${(all.length / seconds).toFixed(0)} a second; ` +
		`refused ${run.refused.length}${statuses ? ` (${statuses})` : ''}, unanswered ${run.unanswered.length}; ` +
		`all requests: p50 ${ms(quantile(all, 0.5))} ms, p95 ${ms(quantile(all, 0.95))} ms, p99 ${ms(quantile(all, 0.99))} ms; ` +
		`peak RSS ${resources.peak.rssMb.toFixed(0)} MB a process, ${resources.peak.totalRssMb.toFixed(0)} MB in all, peak WAL ${resources.peak.walMb.toFixed(1)} MB. ` +
		`Writes: ${written.corrections} attendance corrections, ${written.proposed} proposals, ` +
		`${written.confirmed} confirmations and ${written.answers} feedback answers stored ` +
		`(${(writes / seconds).toFixed(1)}/s; ${targets.tokens.length} feedback forms open, ` +
		`${targets.proposals?.slots.length ?? 0} free slots to propose).`,
	...(kill
		? [
				'',
				`Worker ${kill.pid} killed with SIGKILL halfway: ${run.unanswered.length - errors + run.refused.length} requests in flight on it failed, ` +
					`${errors} other failures; ${kill.replaced ? 'a new worker took its place' : '**no new worker took its place**'}. ` +
					writeChecks
						.map(
							(c) =>
								`${c.name}: ${c.acknowledged} acknowledged, ${c.stored} stored (${c.unsure} unanswered)`
						)
						.join('; ') +
					(lost.length ? ' — **acknowledged writes missing**.' : ' — none lost.')
			]
		: []),
	'',
	'| request | answers | p50 ms | p95 ms | budget ms | met |',
	'| --- | ---: | ---: | ---: | ---: | --- |',
	...rows.map(
		(row) =>
			`| ${row.name} | ${row.answers} | ${ms(row.p50)} | ${ms(row.p95)} | ${row.budgetMs} | ${row.p95 <= row.budgetMs ? 'yes' : '**no**'} |`
	),
	'',
	`Budgets: nothing refused or unanswered (but the requests in flight on a killed worker), ` +
		`nothing acknowledged lost, each p95 within its budget, ` +
		`RSS ≤ ${budget.rssMb} MB, WAL ≤ ${budget.walMb} MB: ` +
		(passed ? '**met**.' : '**not met**.'),
	''
];
for (const { kind, error } of run.unanswered.slice(0, 5))
	console.error(`unanswered: ${kind}: ${error}`);
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(passed ? 0 : 1);
