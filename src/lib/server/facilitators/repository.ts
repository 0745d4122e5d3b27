import type { ExpressionBuilder } from 'kysely';
import type { AuthUser } from '../auth/guard.ts';
import { districtIdsInScope } from '../auth/scope.ts';
import type { DB } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import type { Database, Facilitator, FacilitatorOrganization, Topic } from '../db/schema.ts';
import { normalizeForSearch } from '../../search/normalize.ts';

// Facilitators belong to a district. Admins and liaisons read their own districts; centre
// managers read the districts their centres lie in. School staff read none (the routes 404).

type Reader = Pick<AuthUser, 'role' | 'scope'>;

/** The facilitator is in one of the reader's districts. */
function inReaderDistricts(db: DB, user: Reader) {
	const own = user.scope.districtIds.length ? user.scope.districtIds : [-1];
	return (eb: ExpressionBuilder<Database, 'facilitators'>) =>
		eb.or([
			eb('facilitators.district_id', 'in', own),
			eb('facilitators.district_id', 'in', districtIdsInScope(db, user))
		]);
}

export interface FacilitatorListFilter {
	query?: string;
	organization?: FacilitatorOrganization;
	topicId?: number;
	includeInactive?: boolean;
}

export type FacilitatorTopic = Pick<Topic, 'id' | 'name_fa' | 'name_en' | 'active'>;
export type FacilitatorListRow = Pick<
	Facilitator,
	'id' | 'name' | 'organization' | 'phone' | 'active'
> & { topics: FacilitatorTopic[] };

export const FACILITATOR_PAGE_SIZE = 20;

export async function listFacilitators(
	db: DB,
	user: Reader,
	filter: FacilitatorListFilter,
	page: number
): Promise<{ rows: FacilitatorListRow[]; total: number }> {
	let query = db.selectFrom('facilitators').where(inReaderDistricts(db, user));
	if (filter.organization) query = query.where('organization', '=', filter.organization);
	if (!filter.includeInactive) query = query.where('active', '=', 1);
	if (filter.topicId) {
		const topicId = filter.topicId;
		query = query.where('id', 'in', (eb) =>
			eb.selectFrom('facilitator_topics').select('facilitator_id').where('topic_id', '=', topicId)
		);
	}
	const text = normalizeForSearch(filter.query ?? '');
	if (text) query = query.where((eb) => containsText(eb.ref('name_search'), text));
	const [facilitators, count] = await Promise.all([
		query
			.select(['id', 'name', 'organization', 'phone', 'active'])
			.orderBy('active', 'desc')
			.orderBy('name')
			.orderBy('id')
			.limit(FACILITATOR_PAGE_SIZE)
			.offset((page - 1) * FACILITATOR_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const topics = await findTopicsOf(
		db,
		facilitators.map((f) => f.id)
	);
	const rows = facilitators.map((f) => ({ ...f, topics: topics.get(f.id) ?? [] }));
	return { rows, total: Number(count.n) };
}

/** The topics of each facilitator in `ids`, in one query. */
async function findTopicsOf(db: DB, ids: number[]): Promise<Map<number, FacilitatorTopic[]>> {
	const byFacilitator = new Map<number, FacilitatorTopic[]>();
	if (!ids.length) return byFacilitator;
	const rows = await db
		.selectFrom('facilitator_topics')
		.innerJoin('topics', 'topics.id', 'facilitator_topics.topic_id')
		.select(['facilitator_id', 'topics.id', 'name_fa', 'name_en', 'topics.active'])
		.where('facilitator_id', 'in', ids)
		.orderBy('name_fa')
		.execute();
	for (const { facilitator_id, ...topic } of rows) {
		byFacilitator.set(facilitator_id, [...(byFacilitator.get(facilitator_id) ?? []), topic]);
	}
	return byFacilitator;
}

export type FacilitatorDetails = Facilitator & { topics: FacilitatorTopic[] };

/** A facilitator in one of the reader's districts, or null (the caller answers 404). */
export async function findFacilitatorForReader(
	db: DB,
	user: Reader,
	id: number
): Promise<FacilitatorDetails | null> {
	const row = await db
		.selectFrom('facilitators')
		.selectAll()
		.where('id', '=', id)
		.where(inReaderDistricts(db, user))
		.executeTakeFirst();
	if (!row) return null;
	return { ...row, topics: (await findTopicsOf(db, [id])).get(id) ?? [] };
}

/** A facilitator in one of `districtIds` (an admin's own), for changing it. */
export async function findFacilitatorInDistricts(
	db: DB,
	id: number,
	districtIds: number[]
): Promise<FacilitatorDetails | null> {
	const row = await db
		.selectFrom('facilitators')
		.selectAll()
		.where('id', '=', id)
		.where('district_id', 'in', districtIds.length ? districtIds : [-1])
		.executeTakeFirst();
	if (!row) return null;
	return { ...row, topics: (await findTopicsOf(db, [id])).get(id) ?? [] };
}
