import { getDb } from './db/index.ts';

// What a server process does when it is told to stop (SIGTERM, SIGINT). adapter-node stops taking
// connections and lets the requests in flight finish (SHUTDOWN_TIMEOUT, 30 s at most), then emits
// 'sveltekit:shutdown'; here whatever else runs (background work registered with onShutdown) is
// stopped, the database is closed, and the process exits.

const stoppers: (() => Promise<void> | void)[] = [];

/** Runs `stop` when the server shuts down, before the database closes. */
export function onShutdown(stop: () => Promise<void> | void): void {
	stoppers.push(stop);
}

let listening = false;

export function closeOnShutdown(): void {
	if (listening) return;
	listening = true;
	process.once('sveltekit:shutdown', async () => {
		try {
			await Promise.all(stoppers.map((stop) => stop()));
			await getDb().destroy();
		} finally {
			process.exit(0);
		}
	});
}
