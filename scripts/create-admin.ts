// npm run create-admin -- --email admin@example.org --district "منطقه ۱۴"
// Makes the first administrator of a production database. The password is read from standard
// input (piped), or asked for without echo at a terminal. A district that does not exist yet is created.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { getDb } from '../src/lib/server/db/index.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';
import { createFirstAdmin } from '../src/lib/server/users/first-admin.ts';

const { values } = parseArgs({
	options: { email: { type: 'string' }, district: { type: 'string' }, name: { type: 'string' } }
});
if (!values.email || !values.district) {
	console.error(
		'Usage: npm run create-admin -- --email <email> --district <name or id> [--name <display name>]'
	);
	process.exit(2);
}

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		let text = '';
		for await (const chunk of process.stdin) text += chunk;
		return text.split(/\r?\n/)[0] ?? '';
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
	let prompted = false;
	(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
		if (!prompted) write.call(rl, s);
	};
	const answer = await new Promise<string>((resolve) => {
		rl.question('Password (at least 10 characters): ', resolve);
		prompted = true;
	});
	rl.close();
	process.stdout.write('\n');
	return answer;
}

const db = getDb();
await migrateToLatest(db);
const result = await createFirstAdmin(db, {
	email: values.email,
	district: values.district,
	displayName: values.name ?? values.email,
	password: await readPassword()
});
await db.destroy();
if (!result.ok) {
	console.error(result.message);
	process.exit(1);
}
console.log(`Administrator ${values.email} created for district #${result.districtId}.`);
