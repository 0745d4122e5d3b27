// The crash test's writer: adds closures one by one through the app's own service (a transaction
// with its audit entry) and prints "ack <n>" after each commit, until it is killed.
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { createClosure } from '../../src/lib/server/closures/service.ts';

const [path, firstArg] = process.argv.slice(2);
const db = openDatabase(path!);
const admin = await db
	.selectFrom('users')
	.innerJoin('user_districts', 'user_districts.user_id', 'users.id')
	.select(['users.id', 'user_districts.district_id'])
	.where('users.role', '=', 'admin')
	.executeTakeFirstOrThrow();
const actor = { id: admin.id, districtIds: [admin.district_id], ip: null };
const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();

for (let n = Number(firstArg); ; n++) {
	const result = await createClosure(db, actor, {
		district_id: admin.district_id,
		kind: 'school',
		school_id: school.id,
		center_id: null,
		starts_on: '2026-12-01',
		ends_on: '2026-12-01',
		name_fa: `crash-${n}`,
		name_en: ''
	});
	if (!result.ok) throw new Error(`write ${n} refused: ${JSON.stringify(result)}`);
	process.stdout.write(`ack ${n}\n`);
}
