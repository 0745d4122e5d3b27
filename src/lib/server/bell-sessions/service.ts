import type { DB } from '../db/connect.ts';
import type { AuthUser } from '../auth/guard.ts';
import type { BellSessionAudience } from '../db/schema.ts';
import { recordAudit } from '../audit/repository.ts';
import { neighborhoodIdsInScope } from '../auth/scope.ts';
import { notifyBellSessionEvent } from '../notifications/service.ts';
import { findCurrentSchoolYear } from '../school-years/repository.ts';
import {
	checkProgramme,
	checkSlot,
	gradesText,
	type ProgrammeProblem,
	type SlotProblem
} from './rules.ts';
import { sessionInstants } from './time.ts';
import { inTransaction } from '../db/transaction.ts';

// Proposing a bell session: a centre manager for the school paired with one of their centres'
// neighbourhoods, an admin for any neighbourhood of their districts. Checked and written in one
// transaction, so two proposals cannot both take the same slot.

export type BellSessionActor = Pick<AuthUser, 'id' | 'role' | 'scope'> & { ip: string | null };

export interface ProposalInput {
	neighborhood_id: number;
	/** Must be the neighbourhood's paired school; when left out, the paired school is used. */
	school_id?: number;
	topic_id: number;
	facilitator_id: number;
	audience: BellSessionAudience;
	/** Only for students. */
	grades: readonly number[];
	expected_headcount: number;
	/** Local 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
	duration_minutes: number;
	location: string | null;
	note: string | null;
}

export type BellSessionRefusal =
	SlotProblem | { problem: ProgrammeProblem } | { problem: 'no_pairing' | 'not_paired_school' };

export type ProposalResult =
	| { ok: true; id: number }
	| { ok: false; error: 'not_found' }
	| { ok: false; error: 'refused'; refusal: BellSessionRefusal };

interface Place {
	districtId: number;
	centerId: number;
}

/** The neighbourhood's district and the centre proposing for it; null outside the user's scope. */
export async function findPlace(
	db: DB,
	user: BellSessionActor,
	neighborhoodId: number
): Promise<Place | null> {
	if (user.role !== 'admin' && user.role !== 'center_manager') return null;
	let query = db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.innerJoin('centers', 'centers.neighborhood_id', 'neighborhoods.id')
		.select(['areas.district_id', 'centers.id as center_id'])
		.where('neighborhoods.id', '=', neighborhoodId)
		.where('neighborhoods.id', 'in', neighborhoodIdsInScope(db, user));
	if (user.role === 'center_manager')
		query = query.where(
			'centers.id',
			'in',
			user.scope.centerIds.length ? user.scope.centerIds : [-1]
		);
	const row = await query.orderBy('centers.id').executeTakeFirst();
	return row ? { districtId: row.district_id, centerId: row.center_id } : null;
}

export async function proposeBellSession(
	db: DB,
	user: BellSessionActor,
	input: ProposalInput,
	now = new Date()
): Promise<ProposalResult> {
	return inTransaction(db, async (trx) => {
		const place = await findPlace(trx, user, input.neighborhood_id);
		if (!place) return { ok: false, error: 'not_found' };
		const refuse = (refusal: BellSessionRefusal): ProposalResult => ({
			ok: false,
			error: 'refused',
			refusal
		});

		const year = await findCurrentSchoolYear(trx);
		const pairing = year
			? await trx
					.selectFrom('pairings')
					.select('school_id')
					.where('school_year_id', '=', year.id)
					.where('neighborhood_id', '=', input.neighborhood_id)
					.executeTakeFirst()
			: undefined;
		if (!year || !pairing) return refuse({ problem: 'no_pairing' });
		const schoolId = input.school_id ?? pairing.school_id;
		if (pairing.school_id !== schoolId) return refuse({ problem: 'not_paired_school' });

		const programmeProblem = await checkProgramme(trx, {
			districtId: place.districtId,
			topicId: input.topic_id,
			facilitatorId: input.facilitator_id,
			audience: input.audience,
			grades: input.grades,
			expectedHeadcount: input.expected_headcount
		});
		if (programmeProblem) return refuse({ problem: programmeProblem });
		const slotProblem = await checkSlot(trx, {
			districtId: place.districtId,
			schoolId,
			centerId: place.centerId,
			facilitatorId: input.facilitator_id,
			date: input.date,
			startTime: input.start_time,
			durationMinutes: input.duration_minutes,
			now
		});
		if (slotProblem) return refuse(slotProblem);

		const at = now.toISOString();
		const row = await trx
			.insertInto('bell_sessions')
			.values({
				school_year_id: year.id,
				neighborhood_id: input.neighborhood_id,
				school_id: schoolId,
				center_id: place.centerId,
				topic_id: input.topic_id,
				facilitator_id: input.facilitator_id,
				audience: input.audience,
				grades: gradesText(input.audience, input.grades),
				expected_headcount: input.expected_headcount,
				date: input.date,
				start_time: input.start_time,
				duration_minutes: input.duration_minutes,
				...sessionInstants(input.date, input.start_time, input.duration_minutes),
				location: input.location?.trim() || null,
				note: input.note?.trim() || null,
				status: 'proposed',
				proposed_by: user.id,
				created_at: at,
				updated_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			{
				actorId: user.id,
				ip: user.ip,
				action: 'bell_session_proposed',
				entityType: 'bell_session',
				entityId: row.id,
				after: row
			},
			now
		);
		await notifyBellSessionEvent(
			trx,
			{ sessionId: row.id, event: 'proposed', actorId: user.id },
			now
		);
		return { ok: true, id: row.id };
	});
}
