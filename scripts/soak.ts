// npm run soak [-- --db <file>] [--minutes 3] [--connections 50]: a mixed workload of the main
// roles' pages and writes (attendance corrections, participants' feedback answers: see
// bench/writes.ts) for a few minutes. Passes when there are no errors, the p95 (autocannon's
// p97.5) stays within the page budget, and the server's memory and WAL stay bounded. Without --db
// it runs on a fresh district-scale synthetic file (with --db the file is written to). The server
// reads each client's address from X-Forwarded-For, as behind a reverse proxy, so participants
// answering from their own phones are not one address. Appends its result to docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sampleResources, signIn, startServer } from './bench/server.ts';
import {
	attendanceCorrections,
	countWrites,
	feedbackAnswers,
	findWriteTargets
} from './bench/writes.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string' },
		minutes: { type: 'string', default: '3' },
		connections: { type: 'string', default: '50' },
		port: { type: 'string', default: '4381' },
		out: { type: 'string', default: 'docs/benchmarks.md' }
	}
});
const budget = { p95Ms: 100, rssMb: 300, walMb: 64 };

let db = values.db;
if (!db) {
	db = join(mkdtempSync(join(tmpdir(), 'bell-soak-')), 'soak.db');
	execFileSync(process.execPath, ['scripts/synthetic.ts', '--scale', 'district', '--out', db], {
		stdio: 'inherit'
	});
}
const targets = await findWriteTargets(db, 'manager@demo.test');
if (targets.sessionIds.length < Number(values.connections)) {
	console.error(`manager@demo.test has fewer held sessions than there are connections.`);
	process.exit(2);
}
const before = await countWrites(db);
const {
	origin,
	process: server,
	stop
} = await startServer(db, values.port!, {
	ADDRESS_HEADER: 'x-forwarded-for'
});
// Each role works from its own office's address.
const office = (n: number) => ({ 'x-forwarded-for': `192.168.0.${n}` });
const headers = {
	admin: { ...office(1), cookie: await signIn(origin, 'admin@demo.test', office(1)) },
	manager: { ...office(2), cookie: await signIn(origin, 'manager@demo.test', office(2)) },
	staff: { ...office(3), cookie: await signIn(origin, 'staff@demo.test', office(3)) },
	liaison: { ...office(4), cookie: await signIn(origin, 'liaison@demo.test', office(4)) }
};
const page = (path: string, who: Record<string, string>) => ({
	method: 'GET' as const,
	path,
	headers: { ...who, accept: 'text/html' }
});
const requests = [
	page('/', headers.staff),
	page('/sessions?status=proposed', headers.staff),
	page('/', headers.manager),
	page('/sessions', headers.manager),
	page('/calendar', headers.manager),
	page('/campaigns', headers.manager),
	page('/', headers.liaison),
	page('/coverage', headers.liaison),
	page('/sessions?status=held&page=2', headers.admin),
	page('/inbox', headers.admin),
	...attendanceCorrections(origin, headers.manager, targets.sessionIds),
	...feedbackAnswers(origin, targets.tokens)
];
const resources = sampleResources(server.pid!, db);
const result = await autocannon({
	url: origin,
	connections: Number(values.connections),
	duration: Number(values.minutes) * 60,
	requests
});
resources.stop();
stop();
await new Promise((resolve) => server.once('exit', resolve));
const after = await countWrites(db);
const written = {
	corrections: after.corrections - before.corrections,
	answers: after.answers - before.answers
};
const seconds = Number(values.minutes) * 60;

const errors = result.errors + result.timeouts + result['5xx'] + result['4xx'];
const p95 = result.latency.p97_5;
const passed =
	errors === 0 &&
	p95 <= budget.p95Ms &&
	resources.peak.rssMb <= budget.rssMb &&
	resources.peak.walMb <= budget.walMb;
const lines = [
	'',
	`## Soak ${new Date().toISOString().slice(0, 10)} — ${values.db ?? 'district synthetic file'}`,
	'',
	`Command: \`npm run soak -- --minutes ${values.minutes} --connections ${values.connections}${values.db ? ` --db ${values.db}` : ''}\``,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	'',
	`${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, errors ${errors} ` +
		`(connection ${result.errors}, timeouts ${result.timeouts}, 4xx ${result['4xx']}, 5xx ${result['5xx']}); ` +
		`latency p50 ${result.latency.p50} ms, p95 (p97.5) ${p95} ms, p99 ${result.latency.p99} ms; ` +
		`peak RSS ${resources.peak.rssMb.toFixed(0)} MB, peak WAL ${resources.peak.walMb.toFixed(1)} MB. ` +
		`Writes: ${written.corrections} attendance corrections and ${written.answers} feedback answers ` +
		`stored (${((written.corrections + written.answers) / seconds).toFixed(1)}/s; ` +
		`${targets.tokens.length} feedback forms open). ` +
		`Budgets: no errors, p95 ≤ ${budget.p95Ms} ms, RSS ≤ ${budget.rssMb} MB, WAL ≤ ${budget.walMb} MB: ` +
		(passed ? '**met**.' : '**not met**.'),
	''
];
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(passed ? 0 : 1);
