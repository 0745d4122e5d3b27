import type { CompiledQuery } from 'kysely';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { buildCoverageReport } from '../../src/lib/server/coverage/report.ts';
import { coverageQueryFrom } from '../../src/lib/server/coverage/filter.ts';
import { findUserByEmail, findUserScope } from '../../src/lib/server/users/repository.ts';

// The SQL statements the coverage page runs for a user, caught from the query log while the
// report is built once, so the benchmark can time them straight through the engine's own driver.

export type CaughtQuery = Pick<CompiledQuery, 'sql' | 'parameters'>;

export async function coverageQueriesFor(target: string, email: string): Promise<CaughtQuery[]> {
	const caught: CaughtQuery[] = [];
	const db = openDatabase(target, {
		poolSize: 1,
		onQuery: (event) => caught.push({ sql: event.query.sql, parameters: event.query.parameters })
	});
	try {
		const user = await findUserByEmail(db, email);
		if (!user) throw new Error(`No ${email} in this database.`);
		const scope = await findUserScope(db, user);
		caught.length = 0;
		await buildCoverageReport(
			db,
			{ ...user, scope },
			coverageQueryFrom(new URL('http://localhost/coverage'))
		);
		return [...caught];
	} finally {
		await db.destroy();
	}
}
