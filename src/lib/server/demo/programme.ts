import type { DB } from '../db/connect.ts';
import type { FacilitatorOrganization } from '../db/schema.ts';
import { facilitatorSearchKey } from '../../search/keys.ts';
import { readDistrictFile } from './district-file.ts';

// The programme's catalogue and this year's pairings, for the demo district.

/** Neighbourhoods left unpaired this year, so the "unpaired" views have something to show. */
export const DEMO_UNPAIRED = ['مینایی جنوبی', 'سرآسیاب دولاب', 'شهرابی'];

const parentTopics = new Set(['parenting']);
const teacherTopics = new Set(['bullying', 'mental_health', 'cyberspace', 'violence']);

const facilitators: { name: string; organization: FacilitatorOrganization; topics: string[] }[] = [
	{
		name: 'دکتر مریم رضایی',
		organization: 'counselling',
		topics: ['mental_health', 'life_skills']
	},
	{ name: 'سرهنگ علی محمدی', organization: 'police', topics: ['cyberspace', 'violence'] },
	{ name: 'زهرا کریمی', organization: 'welfare', topics: ['addiction', 'child_labour'] },
	{ name: 'حسین احمدی', organization: 'welfare', topics: ['addiction', 'parenting'] },
	{ name: 'فاطمه حسینی', organization: 'education', topics: ['bullying', 'life_skills'] },
	{ name: 'دکتر نرگس موسوی', organization: 'health', topics: ['mental_health', 'parenting'] },
	{ name: 'رضا نوری', organization: 'ngo', topics: ['child_labour', 'violence'] },
	{ name: 'سمیه جعفری', organization: 'counselling', topics: ['bullying', 'cyberspace'] }
];

export async function seedDemoProgramme(db: DB, districtId: number): Promise<void> {
	const topicIds = new Map<string, number>();
	for (const topic of readDistrictFile().topics) {
		const { id } = await db
			.insertInto('topics')
			.values({
				...topic,
				for_students: parentTopics.has(topic.code) ? 0 : 1,
				for_parents: parentTopics.has(topic.code) || topic.code === 'addiction' ? 1 : 0,
				for_teachers: teacherTopics.has(topic.code) ? 1 : 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		topicIds.set(topic.code, id);
	}

	for (const f of facilitators) {
		const { id } = await db
			.insertInto('facilitators')
			.values({
				district_id: districtId,
				name: f.name,
				name_search: facilitatorSearchKey(f),
				organization: f.organization,
				phone: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('facilitator_topics')
			.values(f.topics.map((code) => ({ facilitator_id: id, topic_id: topicIds.get(code)! })))
			.execute();
	}

	// Each neighbourhood with its first school, this year and last year, but for a few this year.
	const years = await db
		.selectFrom('school_years')
		.select(['id', 'is_current', 'starts_on'])
		.orderBy('starts_on')
		.execute();
	const firstSchools = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('schools', 'schools.neighborhood_id', 'neighborhoods.id')
		.select([
			'neighborhoods.id as neighborhood_id',
			'neighborhoods.name_fa',
			(eb) => eb.fn.min('schools.id').as('school_id')
		])
		.where('areas.district_id', '=', districtId)
		.groupBy('neighborhoods.id')
		.execute();
	for (const year of years) {
		const pairs = firstSchools.filter(
			(n) => !(year.is_current && DEMO_UNPAIRED.includes(n.name_fa))
		);
		if (!pairs.length) continue;
		await db
			.insertInto('pairings')
			.values(
				pairs.map((n) => ({
					school_year_id: year.id,
					neighborhood_id: n.neighborhood_id,
					school_id: Number(n.school_id),
					created_at: `${year.starts_on}T06:00:00.000Z`
				}))
			)
			.execute();
	}
}
