import type { Actor } from '../auth/actor.ts';
import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { findSettings } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

// Admins change their own districts' settings; the version guards against lost updates.

export interface SettingsInput {
	school_day_starts: string;
	school_day_ends: string;
	response_deadline_days: number;
}

export type SettingsChangeResult =
	| { ok: true }
	| { ok: false; error: 'not_found' | 'stale' }
	| { ok: false; error: 'time_format' | 'day_order' | 'deadline_range' };

const clockTime = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function findProblem(input: SettingsInput): SettingsChangeResult | null {
	if (!clockTime.test(input.school_day_starts) || !clockTime.test(input.school_day_ends))
		return { ok: false, error: 'time_format' };
	if (input.school_day_starts >= input.school_day_ends) return { ok: false, error: 'day_order' };
	const days = input.response_deadline_days;
	if (!Number.isInteger(days) || days < 1 || days > 30)
		return { ok: false, error: 'deadline_range' };
	return null;
}

/** `version` 0 means the admin saw the defaults: refused if someone saved in the meantime. */
export async function updateSettings(
	db: DB,
	actor: Actor,
	districtId: number,
	version: number,
	input: SettingsInput,
	now = new Date()
): Promise<SettingsChangeResult> {
	if (!actor.districtIds.includes(districtId)) return { ok: false, error: 'not_found' };
	const problem = findProblem(input);
	if (problem) return problem;
	return inTransaction(db, async (trx): Promise<SettingsChangeResult> => {
		const before = await findSettings(trx, districtId);
		const values = {
			school_day_starts: input.school_day_starts,
			school_day_ends: input.school_day_ends,
			response_deadline_days: input.response_deadline_days
		};
		const written =
			version === 0
				? await trx
						.insertInto('settings')
						.values({ district_id: districtId, ...values })
						.onConflict((oc) => oc.column('district_id').doNothing())
						.executeTakeFirst()
						.then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
				: await trx
						.updateTable('settings')
						.set({ ...values, version: version + 1 })
						.where('district_id', '=', districtId)
						.where('version', '=', version)
						.executeTakeFirst()
						.then((r) => Number(r.numUpdatedRows));
		if (written === 0) return { ok: false, error: 'stale' };
		const { version: _b, district_id: _d, ...beforeValues } = before;
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'record_updated',
				entityType: 'settings',
				entityId: districtId,
				before: beforeValues,
				after: values
			},
			now
		);
		return { ok: true };
	});
}
