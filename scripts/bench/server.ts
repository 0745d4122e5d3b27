import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** `npm start`'s Node options (its heap bounds) and script, so the server runs as deployed. */
function startCommand(): string[] {
	const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
	return start.split(/\s+/).slice(1);
}

/**
 * Starts the built app as `npm start` does; `env` adds to its environment (e.g. ADDRESS_HEADER
 * behind a proxy, WORKERS: one worker unless told).
 */
export async function startServer(
	db: string,
	port: string,
	env: Record<string, string> = {}
): Promise<RunningServer> {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, startCommand(), {
		env: {
			...process.env,
			WORKERS: '1',
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

/** A process's resident memory in MB (Linux), or 0 when it cannot be read. */
function residentMb(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	} catch {
		return 0;
	}
}

/** The processes whose parent is `pid` (the workers of `npm start`), read from /proc (Linux). */
export function childrenOf(pid: number): number[] {
	try {
		return readdirSync('/proc')
			.filter((name) => /^\d+$/.test(name))
			.filter((name) => {
				try {
					const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
					return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
				} catch {
					return false;
				}
			})
			.map(Number);
	} catch {
		return [];
	}
}

/**
 * Samples the server's resident memory (Linux) and the WAL file's size until stopped: the
 * largest of its processes (the first and each worker) and the sum of them all.
 */
export function sampleResources(pid: number, db: string) {
	const peak = { rssMb: 0, totalRssMb: 0, walMb: 0 };
	let workers = childrenOf(pid);
	let ticks = 0;
	const timer = setInterval(() => {
		// Workers are replaced now and then (a test kills one): look for them again every second.
		if (++ticks % 5 === 0) workers = childrenOf(pid);
		const each = [pid, ...workers].map(residentMb);
		peak.rssMb = Math.max(peak.rssMb, ...each);
		peak.totalRssMb = Math.max(
			peak.totalRssMb,
			each.reduce((sum, mb) => sum + mb, 0)
		);
		try {
			peak.walMb = Math.max(peak.walMb, statSync(`${db}-wal`).size / 2 ** 20);
		} catch {
			// No WAL file right now (or PostgreSQL).
		}
	}, 200);
	return { peak, stop: () => clearInterval(timer) };
}
