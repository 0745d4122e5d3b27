import type { DB } from '../../../src/lib/server/db/connect.ts';
import { seedDemoClosures, seedDemoDistrict } from '../../../src/lib/server/demo/seed.ts';
import type {
	BellSessionActor,
	ProposalInput,
	ProposalResult
} from '../../../src/lib/server/bell-sessions/service.ts';
import { findUserByEmail, findUserScope } from '../../../src/lib/server/users/repository.ts';
import { createTestDb } from '../../helpers/test-db.ts';

// The demo district seeded on 2026-11-26 with its official holidays. 2026-12-01 is a Tuesday of
// the current school year (۱۴۰۵–۱۴۰۶) with no closure.

export const TODAY = '2026-11-26';
export const NOW = new Date('2026-11-27T09:00:00.000Z');
export const TUESDAY = '2026-12-01';

export interface SessionWorld {
	db: DB;
	admin: BellSessionActor;
	manager: BellSessionActor;
	dowlab: { neighborhoodId: number; schoolId: number; centerId: number };
	shahin: { neighborhoodId: number; schoolId: number };
	topicId: (code: string) => number;
	facilitatorId: (name: string) => number;
}

export async function actorOf(db: DB, email: string): Promise<BellSessionActor> {
	const user = (await findUserByEmail(db, email))!;
	return { id: user.id, role: user.role, scope: await findUserScope(db, user), ip: '10.14.0.7' };
}

async function pairedPlace(db: DB, nameFa: string) {
	return db
		.selectFrom('pairings')
		.innerJoin('school_years', 'school_years.id', 'pairings.school_year_id')
		.innerJoin('neighborhoods', 'neighborhoods.id', 'pairings.neighborhood_id')
		.innerJoin('centers', 'centers.neighborhood_id', 'neighborhoods.id')
		.select([
			'pairings.neighborhood_id as neighborhoodId',
			'pairings.school_id as schoolId',
			'centers.id as centerId'
		])
		.where('school_years.is_current', '=', 1)
		.where('neighborhoods.name_fa', '=', nameFa)
		.executeTakeFirstOrThrow();
}

export async function createSessionWorld(
	options: { poolSize?: number } = {}
): Promise<SessionWorld> {
	const db = await createTestDb(options);
	await seedDemoDistrict(db, TODAY);
	await seedDemoClosures(db);
	const topics = await db.selectFrom('topics').select(['id', 'code']).execute();
	const facilitators = await db.selectFrom('facilitators').select(['id', 'name']).execute();
	return {
		db,
		admin: await actorOf(db, 'admin@demo.test'),
		manager: await actorOf(db, 'manager@demo.test'),
		dowlab: await pairedPlace(db, 'دولاب'),
		shahin: await pairedPlace(db, 'شاهین'),
		topicId: (code) => topics.find((t) => t.code === code)!.id,
		facilitatorId: (name) => facilitators.find((f) => f.name === name)!.id
	};
}

/** A valid proposal for دولاب's paired school: addiction, for grades 7–9, 08:00–09:00. */
export function proposal(world: SessionWorld, values: Partial<ProposalInput> = {}): ProposalInput {
	return {
		neighborhood_id: world.dowlab.neighborhoodId,
		school_id: world.dowlab.schoolId,
		topic_id: world.topicId('addiction'),
		facilitator_id: world.facilitatorId('زهرا کریمی'),
		audience: 'students',
		grades: [9, 7, 8],
		expected_headcount: 60,
		date: TUESDAY,
		start_time: '08:00',
		duration_minutes: 60,
		location: 'سالن اجتماعات',
		note: null,
		...values
	};
}

export function refusalOf(result: ProposalResult) {
	return result.ok || result.error !== 'refused' ? null : result.refusal;
}
