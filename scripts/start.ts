// npm start: the built app in WORKERS processes (default: one per core) sharing one port, with
// Node's own cluster module. The first process migrates the database once, then starts the
// workers and replaces any that dies. On SIGTERM or SIGINT each worker stops taking connections,
// finishes the requests in flight, closes the database and exits; then this process exits.
import { execFileSync } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

if (cluster.isPrimary) {
	const count = Number(process.env.WORKERS) || availableParallelism();
	// In a process of its own, so that this one stays small: it only watches over the workers.
	execFileSync(process.execPath, ['scripts/migrate.ts'], { stdio: 'inherit' });
	console.log(`Starting ${count} worker(s).`);

	let stopping = false;
	const started = new Map<Worker, number>();
	let quickDeaths = 0;
	const start = () => {
		const worker = cluster.fork({ MIGRATIONS_DONE: '1' });
		started.set(worker, Date.now());
	};
	cluster.on('exit', (worker, code, signal) => {
		const lived = Date.now() - (started.get(worker) ?? 0);
		started.delete(worker);
		if (stopping) {
			if (started.size === 0) process.exit(0);
			return;
		}
		// A worker that dies at once, again and again, is not started in a tight loop.
		quickDeaths = lived < 10_000 ? quickDeaths + 1 : 0;
		const wait = Math.min(30_000, 2 ** Math.max(0, quickDeaths - 1) * 500);
		console.error(
			`Worker ${worker.process.pid} stopped (${signal ?? `code ${code}`}); a new one starts in ${wait} ms.`
		);
		setTimeout(() => !stopping && start(), quickDeaths ? wait : 0);
	});
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		if (started.size === 0) process.exit(0);
		for (const worker of started.keys()) worker.process.kill(signal);
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGTERM'));
	for (let i = 0; i < count; i++) start();
} else {
	await import('../build/index.js');
}
