import type { SelectQueryBuilder } from 'kysely';
import { COUNT_CAP } from '../../counts.ts';
import type { DB } from './connect.ts';
import type { Database } from './schema.ts';

/**
 * How many rows a query has, counting no further than cap + 1 (shown as "more than cap" by
 * formatCappedCount): the database stops after that many, however many there are.
 */
export async function countUpTo<TB extends keyof Database, O>(
	db: DB,
	query: SelectQueryBuilder<Database, TB, O>,
	cap = COUNT_CAP
): Promise<number> {
	const { total } = await db
		.selectFrom(
			query
				.clearSelect()
				.clearOrderBy()
				.select((eb) => eb.lit(1).as('one'))
				.limit(cap + 1)
				.as('counted')
		)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return Number(total);
}
