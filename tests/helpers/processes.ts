import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// Child processes for the tests of the operator's scripts: a script run as `npm run <script>`
// runs it, the app's write path writing from another process, a connection held open as the
// running server holds it.

const root = join(import.meta.dirname, '../..');

export interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs scripts/<script>.ts with one argument on the database at `database`. */
export function runScript(
	script: 'backup' | 'restore',
	argument: string,
	database: string
): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [join(root, `scripts/${script}.ts`), argument], {
			cwd: root,
			env: { ...process.env, DATABASE_PATH: database },
			stdio: 'pipe',
			// A copy that never ends is a failure too (exit code null), not a hung test.
			timeout: 15_000
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

/** The crash test's writer (closures through createClosure); `acks` grows as it commits. */
export function startWriter(database: string, first: number) {
	const writer = join(root, 'scripts/crash/writer.ts');
	const child = spawn(process.execPath, [writer, database, String(first)], { stdio: 'pipe' });
	const acks: number[] = [];
	let buffer = '';
	child.stdout.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		const lines = buffer.split('\n');
		buffer = lines.pop() ?? '';
		for (const line of lines) if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
	});
	return { child, acks };
}

/** A child holding the database open and idle, as the running server does (its getDb()). */
export async function holdOpen(database: string): Promise<ChildProcess> {
	const code = `
		const { getDb } = await import(${JSON.stringify(join(root, 'src/lib/server/db/index.ts'))});
		await getDb().selectFrom('users').select('id').execute();
		console.log('ready');
		setInterval(() => {}, 60_000);`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
		env: { ...process.env, DATABASE_PATH: database },
		stdio: 'pipe'
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
		child.on('exit', () => reject(new Error('The holder stopped.')));
	});
	return child;
}

/** Kills the child and waits until the last of its output has been read. */
export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.on('close', resolve));
	child.kill('SIGKILL');
	await exited;
}

export const waitFor = async (condition: () => boolean) => {
	for (let i = 0; !condition(); i++) {
		if (i > 200) throw new Error('Timed out.');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
};
