import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { isPostgresUrl } from '../../src/lib/server/db/connect.ts';

// What the benchmark and the soak test share: the built app started on a database (a SQLite
// file or a PostgreSQL URL), demo accounts signed in, and the server's memory and (SQLite) WAL
// size sampled while the load runs.

export interface RunningServer {
	origin: string;
	process: ChildProcess;
	/** Stops the server (SIGTERM) and resolves once it has exited. */
	stop: () => Promise<void>;
}

/** The Node options of `npm start` (its heap bounds), so the server is measured as it runs. */
function startOptions(): string[] {
	const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
	return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Starts the built app; `env` adds to its environment (e.g. ADDRESS_HEADER behind a proxy). */
export async function startServer(
	db: string,
	port: string,
	env: Record<string, string> = {}
): Promise<RunningServer> {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, [...startOptions(), 'build/index.js'], {
		env: {
			...process.env,
			...env,
			...(isPostgresUrl(db) ? { DATABASE_URL: db } : { DATABASE_PATH: db }),
			PORT: port,
			ORIGIN: origin
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = () => {
		child.kill('SIGTERM');
		return exited;
	};
	process.on('exit', () => child.kill('SIGTERM'));
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			if (i > 600) throw new Error('The server did not start.');
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { origin, process: child, stop };
}

export async function signIn(
	origin: string,
	email: string,
	headers: Record<string, string> = {}
): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...headers, origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: 'demo-pass-1405' })
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`Could not sign in as ${email}.`);
	return cookie;
}

/** Samples the server's resident memory (Linux) and the WAL file's size until stopped. */
export function sampleResources(pid: number, db: string) {
	const peak = { rssMb: 0, walMb: 0 };
	const timer = setInterval(() => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			peak.rssMb = Math.max(peak.rssMb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
		} catch {
			// Not Linux: no memory figure.
		}
		try {
			peak.walMb = Math.max(peak.walMb, statSync(`${db}-wal`).size / 2 ** 20);
		} catch {
			// No WAL file right now.
		}
	}, 200);
	return { peak, stop: () => clearInterval(timer) };
}
