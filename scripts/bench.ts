// npm run bench -- --db <file or postgres://…> [--db …] [--duration 10] [--connections 10]
// [--out docs/benchmarks.md]
// Starts the built app on each database in turn (a SQLite file, or PostgreSQL at a URL) and
// measures, with autocannon after a warm-up, what people use most, next to a hello-world route in
// the same run; times the coverage report's own SQL straight through the engine's driver; samples
// the server's memory (bench/benchmark.ts). Appends the results, with the machine, the command and
// the date, to the output file; with two databases, also each request on the one against the
// other. Each database gains sign-in sessions, a calendar-feed token and feedback answers: use
// copies you can spare.
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { describeDatabase } from '../src/lib/server/db/index.ts';
import { isPostgresUrl } from '../src/lib/server/db/connect.ts';
import { benchmark, type BenchResult } from './bench/benchmark.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string', multiple: true },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '10' },
		out: { type: 'string', default: 'docs/benchmarks.md' },
		port: { type: 'string', default: '4380' }
	}
});
if (!values.db?.length) {
	console.error(
		'Usage: npm run bench -- --db <file or postgres://…> [--db …] [--duration 10] [--connections 10]'
	);
	process.exit(2);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const engineOf = (target: string) => (isPostgresUrl(target) ? 'PostgreSQL' : 'SQLite');

const results: BenchResult[] = [];
for (const db of values.db) {
	console.log(`\n${engineOf(db)}: ${describeDatabase(db)}`);
	results.push(await benchmark(db, { port: values.port!, duration, connections }));
}

function section(result: BenchResult): string[] {
	const { rows, rawOne, rawAll } = result;
	const hello = rows[0]!;
	const versusRaw = (name: string, raw: number) => {
		const row = rows.find((r) => r.name === name)!;
		return row.completed
			? `handler p50 ${row.p50} ms, ratio ${(row.p50 / raw).toFixed(2)}`
			: `the handler did not answer within the run`;
	};
	return [
		`### ${engineOf(result.target)}: ${describeDatabase(result.target)}`,
		'',
		'| request | p50 ms | p95 ms (p97.5) | p99 ms | req/s | × hello | errors |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows.map((r) =>
			r.completed
				? `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.rps / hello.rps).toFixed(3)} | ${r.errors} |`
				: `| ${r.name} | > ${duration * 1000} | — | — | 0 | 0.000 | none answered within ${duration} s |`
		),
		'',
		`Coverage SQL straight through the driver (median of 15): one district ${rawOne.toFixed(1)} ms ` +
			`(${versusRaw('/coverage, one district', rawOne)}); every district ${rawAll.toFixed(1)} ms ` +
			`(${versusRaw('/coverage, every district', rawAll)}).`,
		`Feedback answers stored by the run (warm-ups included): ${result.answersStored} ` +
			`(${result.feedbackForms} forms open; a full form refuses, and its refusals count as answers).`,
		`Server memory (peak RSS under load): ${result.peakRssMb.toFixed(0)} MB.`,
		''
	];
}

/** Each request's p95 on the second database against the first. */
function comparison([first, second]: BenchResult[]): string[] {
	const [a, b] = [engineOf(first!.target), engineOf(second!.target)];
	return [
		`### ${b} against ${a}, p95 (p97.5)`,
		'',
		`| request | ${a} ms | ${b} ms | ${b} ÷ ${a} |`,
		'| --- | ---: | ---: | ---: |',
		...first!.rows.map((row) => {
			const other = second!.rows.find((r) => r.name === row.name);
			const shown = (r: typeof row | undefined) => (r?.completed ? String(r.p95) : '—');
			const ratio =
				row.completed && other?.completed ? (other.p95 / row.p95).toFixed(2) : 'no answer';
			return `| ${row.name} | ${shown(row)} | ${shown(other)} | ${ratio} |`;
		}),
		''
	];
}

const lines = [
	'',
	`## ${new Date().toISOString().slice(0, 10)} — ${values.db.map(describeDatabase).join(' and ')}`,
	'',
	`Command: \`npm run bench -- ${values.db.map((db) => `--db ${describeDatabase(db)}`).join(' ')} --duration ${duration} --connections ${connections}\``,
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
	'',
	...results.flatMap(section),
	...(results.length > 1 ? comparison(results) : [])
];
appendFileSync(values.out!, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
