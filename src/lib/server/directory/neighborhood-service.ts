import type { DB } from '../db/connect.ts';
import { toLatinDigits } from '../../i18n/digits.ts';
import { normalizeForSearch } from '../../search/normalize.ts';
import { centerSearchKey, neighborhoodSearchKey } from '../../search/keys.ts';
import { auditDirectoryChange, updatedOne, type DirectoryChangeResult } from './change-result.ts';
import type { Actor } from '../auth/actor.ts';
import { findAreaInDistricts, findNeighborhoodInDistricts } from './records.ts';
import { tidyOptional, tidyText } from '../../i18n/tidy-text.ts';
import { inTransaction } from '../db/transaction.ts';

// Neighbourhoods (محله): admins add, rename and move them between the areas of their district.

export interface NeighborhoodInput {
	name_fa: string;
	name_en: string;
	area_id: number;
}

export interface NewCenterInput {
	/** Empty: «سرای محله <name>», as the district names its centres. */
	name: string;
	address: string;
	phone: string;
}

function describeNeighborhood(n: NeighborhoodInput) {
	return { area_id: n.area_id, name_fa: n.name_fa, name_en: n.name_en };
}

/** Whether the district already has a neighbourhood of this Persian name, however it is typed. */
async function isNameTaken(
	db: DB,
	districtId: number,
	nameFa: string,
	exceptId: number | null
): Promise<boolean> {
	const key = normalizeForSearch(nameFa);
	const rows = await db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select(['neighborhoods.id', 'neighborhoods.name_fa'])
		.where('areas.district_id', '=', districtId)
		.execute();
	return rows.some((r) => r.id !== exceptId && normalizeForSearch(r.name_fa) === key);
}

function tidyNeighborhood(input: NeighborhoodInput): NeighborhoodInput {
	return {
		area_id: input.area_id,
		name_fa: tidyText(input.name_fa),
		name_en: tidyText(input.name_en)
	};
}

/** A neighbourhood together with its community centre: every neighbourhood has one. */
export async function createNeighborhood(
	db: DB,
	actor: Actor,
	rawInput: NeighborhoodInput,
	center: NewCenterInput,
	now = new Date()
): Promise<DirectoryChangeResult> {
	const input = tidyNeighborhood(rawInput);
	return inTransaction(db, async (trx): Promise<DirectoryChangeResult> => {
		const area = await findAreaInDistricts(trx, input.area_id, actor.districtIds);
		if (!area) return { ok: false, error: 'outside_districts', field: 'area_id' };
		if (await isNameTaken(trx, area.district_id, input.name_fa, null))
			return { ok: false, error: 'neighborhood_name_taken', field: 'name_fa' };
		const { id } = await trx
			.insertInto('neighborhoods')
			.values({ ...input, name_search: neighborhoodSearchKey(input) })
			.returning('id')
			.executeTakeFirstOrThrow();
		const centerValues = {
			neighborhood_id: id,
			name: tidyText(center.name) || `سرای محله ${input.name_fa}`,
			address: tidyOptional(center.address),
			phone: tidyOptional(toLatinDigits(center.phone))
		};
		const created = await trx
			.insertInto('centers')
			.values({ ...centerValues, name_search: centerSearchKey(centerValues) })
			.returning('id')
			.executeTakeFirstOrThrow();
		const subject = input.name_fa;
		await auditDirectoryChange(
			trx,
			actor,
			'record_created',
			{ type: 'neighborhood', id, subject },
			now,
			{
				after: describeNeighborhood(input)
			}
		);
		await auditDirectoryChange(
			trx,
			actor,
			'record_created',
			{ type: 'center', id: created.id, subject: centerValues.name },
			now,
			{ after: { ...centerValues, manager_ids: [] } }
		);
		return { ok: true, id };
	});
}

/** Names and area; the area must be one of the same district. Refused when stale. */
export async function updateNeighborhood(
	db: DB,
	actor: Actor,
	neighborhoodId: number,
	version: number,
	rawInput: NeighborhoodInput,
	now = new Date()
): Promise<DirectoryChangeResult> {
	const input = tidyNeighborhood(rawInput);
	return inTransaction(db, async (trx): Promise<DirectoryChangeResult> => {
		const before = await findNeighborhoodInDistricts(trx, neighborhoodId, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		if (before.version !== version) return { ok: false, error: 'stale' };
		const area = await findAreaInDistricts(trx, input.area_id, actor.districtIds);
		if (!area) return { ok: false, error: 'outside_districts', field: 'area_id' };
		// Moving to another district would hand the neighbourhood to other admins and liaisons.
		if (area.district_id !== before.district_id)
			return { ok: false, error: 'area_other_district', field: 'area_id' };
		if (await isNameTaken(trx, before.district_id, input.name_fa, neighborhoodId))
			return { ok: false, error: 'neighborhood_name_taken', field: 'name_fa' };
		const result = await trx
			.updateTable('neighborhoods')
			.set({ ...input, name_search: neighborhoodSearchKey(input), version: version + 1 })
			.where('id', '=', neighborhoodId)
			.where('version', '=', version)
			.executeTakeFirst();
		if (!updatedOne(result)) return { ok: false, error: 'stale' };
		await auditDirectoryChange(
			trx,
			actor,
			'record_updated',
			{ type: 'neighborhood', id: neighborhoodId, subject: input.name_fa },
			now,
			{ before: describeNeighborhood(before), after: describeNeighborhood(input) }
		);
		return { ok: true, id: neighborhoodId };
	});
}
