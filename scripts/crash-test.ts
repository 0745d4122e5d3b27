// npm run test:crash [-- <rounds>]: kills a writing process with SIGKILL at random moments (50
// rounds by default) and checks the database after each kill. Exits 1 on any problem.
import { runCrashRounds } from './crash/rounds.ts';

const rounds = Number(process.argv[2] ?? 50);
let acknowledged = 0;
const results = await runCrashRounds(rounds, (r) => {
	acknowledged += r.acknowledged;
	const state = r.problems.length ? `PROBLEM: ${r.problems.join('; ')}` : 'ok';
	console.log(`round ${r.round}: ${r.acknowledged} acknowledged writes, ${state}`);
});
const failed = results.filter((r) => r.problems.length);
console.log(
	`${rounds} rounds, ${acknowledged} acknowledged writes, ${failed.length} rounds with problems.`
);
process.exit(failed.length ? 1 : 0);
