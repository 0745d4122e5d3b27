import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A PostgreSQL server of its own for the tests and benchmarks: Debian's binaries (or PG_BIN),
// a cluster made by initdb in a temporary folder, listening on a free loopback port, removed
// when stopped. PostgreSQL refuses to run as root: as root, the cluster belongs to the
// `postgres` user and its programs run as that user. Durability is traded for speed (fsync off):
// these clusters hold nothing that must outlive them.

export interface TemporaryServer {
	port: number;
	/** The address of a database on this server (as its superuser). */
	url(database: string): string;
	/** Runs SQL as the superuser in the `postgres` database. */
	admin(sql: string): Promise<void>;
	stop(): Promise<void>;
}

/** The folder of PostgreSQL's programs: PG_BIN, or Debian's newest. */
export function postgresBin(): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((name) => /^\d+$/.test(name))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const bin = versions
		.map((v) => join(root, v, 'bin'))
		.find((dir) => existsSync(join(dir, 'initdb')));
	if (!bin)
		throw new Error(
			"PostgreSQL's server programs were not found: install them (Debian: apt-get install postgresql) or set PG_BIN"
		);
	return bin;
}

/** Who runs the server: as root, the `postgres` user; otherwise whoever runs this. */
function serverUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
	return { uid: id('-u'), gid: id('-g') };
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`PostgreSQL stopped at start:\n${log()}`);
		const client = new pg.Client({ connectionString: url });
		try {
			await client.connect();
			await client.end();
			return;
		} catch (error) {
			await client.end().catch(() => {});
			if (Date.now() > deadline)
				throw new Error(`PostgreSQL did not start:\n${log()}`, { cause: error });
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

/**
 * A watchdog of its own process: should this process die without stopping the server (killed,
 * crashed), it stops the server and removes its folder, so no server is left running.
 */
function watchOver(serverPid: number, dir: string): void {
	// Only that server: its process id may have gone to another program since.
	const ours = `grep -q '${dir}' /proc/${serverPid}/cmdline 2>/dev/null`;
	const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done;
		if ${ours}; then kill -INT ${serverPid}; sleep 3; ${ours} && kill -KILL ${serverPid}; fi;
		rm -rf '${dir}'`;
	spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export async function startTemporaryServer(
	options: { maxConnections?: number; settings?: Record<string, string> } = {}
): Promise<TemporaryServer> {
	const bin = postgresBin();
	const user = serverUser();
	const dir = mkdtempSync(join(tmpdir(), 'bell-pg-'));
	const data = join(dir, 'data');
	if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
	// C collation: text sorts by code point, as in SQLite, so both engines list in the same order.
	execFileSync(
		join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{ ...user, stdio: 'pipe' }
	);
	const port = await freePort();
	const settings = {
		listen_addresses: '127.0.0.1',
		port: String(port),
		unix_socket_directories: dir,
		max_connections: String(options.maxConnections ?? 200),
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		...options.settings
	};
	let output = '';
	const child = spawn(
		join(bin, 'postgres'),
		['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
		{ ...user, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	watchOver(child.pid!, dir);
	const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
	const remove = () => rmSync(dir, { recursive: true, force: true });
	try {
		await waitUntilReady(url('postgres'), child, () => output);
	} catch (error) {
		child.kill('SIGKILL');
		remove();
		throw error;
	}
	return {
		port,
		url,
		async admin(sql: string) {
			const client = new pg.Client({ connectionString: url('postgres') });
			await client.connect();
			try {
				await client.query(sql);
			} finally {
				await client.end();
			}
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				// Fast shutdown: open connections are ended, nothing waits for them.
				child.kill('SIGINT');
				await exited;
			}
			remove();
		}
	};
}
