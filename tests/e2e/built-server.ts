import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import SQLite from 'better-sqlite3';
import { e2eDatabasePath } from './helpers';

// The built app started as production starts it (`npm start`: scripts/start.ts, one worker unless
// told) on a database of the test's own, beside the browser tests' server: for what that server
// cannot show (another address, a restart, a restore while it is stopped, several workers).

/** A port no one listens on now. */
export async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as { port: number };
	server.close();
	return port;
}

/** A consistent copy of the browser tests' database (SQLite's backup) at `target`. */
export async function copyE2eDatabase(target: string): Promise<void> {
	const source = new SQLite(e2eDatabasePath, { readonly: true });
	await source.backup(target);
	source.close();
}

/** `build/index.js` on `database` at `port`, with `config` telling it its address. */
export async function startBuiltServer(
	config: Record<string, string>,
	port: number,
	database: string
) {
	// NODE_ENV unset, as `npm start` runs: the address alone decides what depends on it.
	const { NODE_ENV: _unset, ORIGIN: _origin, ...env } = process.env;
	const child = spawn(process.execPath, ['scripts/start.ts'], {
		env: {
			WORKERS: '1',
			...env,
			...config,
			DATABASE_PATH: database,
			PORT: String(port),
			HOST: '127.0.0.1'
		},
		stdio: 'ignore'
	});
	const address = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = once(child, 'exit');
		child.kill('SIGTERM');
		await exited;
	};
	const up = () =>
		fetch(`${address}/healthz`)
			.then((response) => response.ok)
			.catch(() => false);
	for (let i = 0; !(await up()); i++) {
		if (i === 300) {
			await stop();
			throw new Error('The built server did not start in 30 s.');
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { address, stop, pid: child.pid! };
}
