import type { DB } from '../db/connect.ts';
import type { Area } from '../db/schema.ts';
import { auditDirectoryChange, updatedOne, type DirectoryChangeResult } from './change-result.ts';
import type { Actor } from '../auth/actor.ts';
import { findAreaInDistricts } from './records.ts';
import { tidyText } from '../../i18n/tidy-text.ts';
import { inTransaction } from '../db/transaction.ts';

// Areas (ناحیه) of a district: admins add and rename them, only in their own districts.

export interface AreaInput {
	number: number;
	name_fa: string;
	name_en: string;
}

function tidyArea(input: AreaInput): AreaInput {
	return {
		number: input.number,
		name_fa: tidyText(input.name_fa),
		name_en: tidyText(input.name_en)
	};
}

function describeArea(area: Pick<Area, 'district_id' | 'number' | 'name_fa' | 'name_en'>) {
	return {
		district_id: area.district_id,
		number: area.number,
		name_fa: area.name_fa,
		name_en: area.name_en
	};
}

async function isNumberTaken(
	db: DB,
	districtId: number,
	number: number,
	exceptId: number | null
): Promise<boolean> {
	const row = await db
		.selectFrom('areas')
		.select('id')
		.where('district_id', '=', districtId)
		.where('number', '=', number)
		.$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
		.executeTakeFirst();
	return Boolean(row);
}

export async function createArea(
	db: DB,
	actor: Actor,
	districtId: number,
	rawInput: AreaInput,
	now = new Date()
): Promise<DirectoryChangeResult> {
	const input = tidyArea(rawInput);
	if (!actor.districtIds.includes(districtId))
		return { ok: false, error: 'outside_districts', field: 'district_id' };
	return inTransaction(db, async (trx): Promise<DirectoryChangeResult> => {
		if (await isNumberTaken(trx, districtId, input.number, null))
			return { ok: false, error: 'area_number_taken', field: 'number' };
		const values = { district_id: districtId, ...input };
		const { id } = await trx
			.insertInto('areas')
			.values(values)
			.returning('id')
			.executeTakeFirstOrThrow();
		await auditDirectoryChange(
			trx,
			actor,
			'record_created',
			{ type: 'area', id, subject: input.name_fa },
			now,
			{ after: describeArea(values) }
		);
		return { ok: true, id };
	});
}

/** Number and names; refused when someone else saved the area since `version` was read. */
export async function updateArea(
	db: DB,
	actor: Actor,
	areaId: number,
	version: number,
	rawInput: AreaInput,
	now = new Date()
): Promise<DirectoryChangeResult> {
	const input = tidyArea(rawInput);
	return inTransaction(db, async (trx): Promise<DirectoryChangeResult> => {
		const before = await findAreaInDistricts(trx, areaId, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		if (before.version !== version) return { ok: false, error: 'stale' };
		if (await isNumberTaken(trx, before.district_id, input.number, areaId))
			return { ok: false, error: 'area_number_taken', field: 'number' };
		const result = await trx
			.updateTable('areas')
			.set({ ...input, version: version + 1 })
			.where('id', '=', areaId)
			.where('version', '=', version)
			.executeTakeFirst();
		if (!updatedOne(result)) return { ok: false, error: 'stale' };
		await auditDirectoryChange(
			trx,
			actor,
			'record_updated',
			{ type: 'area', id: areaId, subject: input.name_fa },
			now,
			{ before: describeArea(before), after: describeArea({ ...before, ...input }) }
		);
		return { ok: true, id: areaId };
	});
}
