import type { DB } from '../db/connect.ts';
import type { Topic } from '../db/schema.ts';
import { normalizeForSearch } from '../../search/normalize.ts';
import type { Audience } from '../../catalogue/labels.ts';

/** Which column says a topic is meant for an audience. */
export const audienceColumns = {
	students: 'for_students',
	parents: 'for_parents',
	teachers: 'for_teachers'
} as const satisfies Record<Audience, keyof Topic>;

export function audienceOf(topic: Pick<Topic, 'for_students' | 'for_parents' | 'for_teachers'>) {
	return (Object.keys(audienceColumns) as Audience[]).filter((a) => topic[audienceColumns[a]]);
}

export function audienceFlags(audience: Audience[]) {
	return {
		for_students: audience.includes('students') ? 1 : 0,
		for_parents: audience.includes('parents') ? 1 : 0,
		for_teachers: audience.includes('teachers') ? 1 : 0
	};
}

export async function findTopicById(db: DB, id: number): Promise<Topic | null> {
	return (
		(await db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
	);
}

export async function findTopicByCode(db: DB, code: string): Promise<Topic | null> {
	return (
		(await db.selectFrom('topics').selectAll().where('code', '=', code).executeTakeFirst()) ?? null
	);
}

export interface TopicListFilter {
	query?: string;
	audience?: Audience;
	includeRetired?: boolean;
}

/**
 * The catalogue, filtered. Topics have no name_search column: the catalogue is a few dozen rows
 * shared by every district, so the Persian-aware name match is done here on the filtered list,
 * with the same normalizeForSearch as every other search, rather than in SQL.
 */
export async function listTopics(db: DB, filter: TopicListFilter = {}): Promise<Topic[]> {
	let query = db.selectFrom('topics').selectAll();
	if (filter.audience) query = query.where(audienceColumns[filter.audience], '=', 1);
	if (!filter.includeRetired) query = query.where('active', '=', 1);
	const topics = await query.orderBy('active', 'desc').orderBy('name_fa').orderBy('id').execute();
	const text = normalizeForSearch(filter.query ?? '');
	if (!text) return topics;
	return topics.filter((t) =>
		normalizeForSearch(`${t.name_fa} ${t.name_en} ${t.code}`).includes(text)
	);
}

export type TopicOption = Pick<Topic, 'id' | 'code' | 'name_fa' | 'name_en' | 'active'>;

/** Topics a facilitator can be given: the active ones, and those in `keepIds` even if retired. */
export async function listTopicOptions(db: DB, keepIds: number[] = []): Promise<TopicOption[]> {
	return db
		.selectFrom('topics')
		.select(['id', 'code', 'name_fa', 'name_en', 'active'])
		.where((eb) => eb.or([eb('active', '=', 1), eb('id', 'in', keepIds.length ? keepIds : [-1])]))
		.orderBy('name_fa')
		.execute();
}
