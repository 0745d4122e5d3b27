// npm run test:crash [-- <rounds>]: kills a writing process with SIGKILL at random moments (50
// rounds by default) and checks the database after each kill. Exits 1 on any problem. Its last
// line is the result to write down in docs/hardening.md.
import { runCrashRounds } from './crash/rounds.ts';

const rounds = Number(process.argv[2] ?? 50);
const started = Date.now();
let acknowledged = 0;
const results = await runCrashRounds(rounds, (r) => {
	acknowledged += r.acknowledged;
	const state = r.problems.length ? `PROBLEM: ${r.problems.join('; ')}` : 'ok';
	console.log(
		`round ${r.round}: killed ${r.killedAfterMs} ms in, ${r.acknowledged} acknowledged writes, ${state}`
	);
});
const failed = results.filter((r) => r.problems.length);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
	`${new Date().toISOString().slice(0, 10)} \`npm run test:crash -- ${rounds}\`: ${rounds} SIGKILLs, ` +
		`${acknowledged} acknowledged writes, ${failed.length} rounds with problems, ${seconds} s, ` +
		`Node ${process.version}: ${failed.length ? 'FAIL' : 'pass'}.`
);
process.exit(failed.length ? 1 : 0);
