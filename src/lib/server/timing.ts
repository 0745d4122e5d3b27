import { AsyncLocalStorage } from 'node:async_hooks';

// Time spent in the database during one request, for the Server-Timing header: the connection's
// query log adds each query's duration to the request it runs for.

const store = new AsyncLocalStorage<{ dbMs: number }>();

export function withRequestTiming<T>(run: () => T): T {
	return store.run({ dbMs: 0 }, run);
}

export function addDatabaseTime(ms: number): void {
	const timing = store.getStore();
	if (timing) timing.dbMs += ms;
}

export function databaseTime(): number {
	return store.getStore()?.dbMs ?? 0;
}
