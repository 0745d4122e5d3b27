import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

type Dated = { id: number; date: string; starts_at: string };

/**
 * The first `perDay` rows of each local date that `query` reads from `table` (sessions or campaign
 * events), in time order, each with how many rows its date has in all.
 */
export async function firstOfEachDay<TB extends keyof Database, Row extends Dated>(
	db: DB,
	query: SelectQueryBuilder<Database, TB, Row>,
	table: 'bell_sessions' | 'campaign_events',
	perDay: number
): Promise<(Row & { day_total: number })[]> {
	const column = (name: string) => sql.ref(`${table}.${name}`);
	const ranked = query.select([
		sql<number>`row_number() over (partition by ${column('date')} order by ${column('starts_at')}, ${column('id')})`.as(
			'day_rank'
		),
		sql<number>`count(*) over (partition by ${column('date')})`.as('day_total')
	]);
	const rows = await db
		.selectFrom(ranked.as('ranked'))
		.selectAll()
		.where(sql.ref('day_rank'), '<=', perDay)
		.orderBy(sql.ref('starts_at'))
		.orderBy(sql.ref('id'))
		.execute();
	return (rows as (Row & { day_total: number; day_rank: number })[]).map(
		({ day_rank: _, ...row }) => row as unknown as Row & { day_total: number }
	);
}
