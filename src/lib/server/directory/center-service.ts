import type { DB } from '../db/connect.ts';
import { toLatinDigits } from '../../i18n/digits.ts';
import { centerSearchKey } from '../../search/keys.ts';
import { auditDirectoryChange, updatedOne, type DirectoryChangeResult } from './change-result.ts';
import type { Actor } from '../auth/actor.ts';
import {
	findManagerIds,
	findManagerLeftWithoutCenter,
	findManagerOptions,
	writeManagers
} from './center-managers.ts';
import { findCenterInDistricts } from './records.ts';
import { tidyOptional, tidyText } from '../../i18n/tidy-text.ts';
import { inTransaction } from '../db/transaction.ts';

// Neighbourhood community centres (سرای محله): name, address, phone and manager accounts.

export interface CenterInput {
	name: string;
	address: string;
	phone: string;
	manager_ids: number[];
}

async function describeCenter(
	db: DB,
	center: { name: string; address: string | null; phone: string | null },
	managerIds: number[]
) {
	const managers = managerIds.length
		? await db
				.selectFrom('users')
				.select('email')
				.where('id', 'in', managerIds)
				.orderBy('email')
				.execute()
		: [];
	return {
		name: center.name,
		address: center.address,
		phone: center.phone,
		manager_ids: managerIds,
		managers: managers.map((u) => u.email)
	};
}

/** Refused when stale, when a manager is not one of the district's, or would be left without a centre. */
export async function updateCenter(
	db: DB,
	actor: Actor,
	centerId: number,
	version: number,
	input: CenterInput,
	now = new Date()
): Promise<DirectoryChangeResult> {
	return inTransaction(db, async (trx): Promise<DirectoryChangeResult> => {
		const before = await findCenterInDistricts(trx, centerId, actor.districtIds);
		if (!before) return { ok: false, error: 'not_found' };
		if (before.version !== version) return { ok: false, error: 'stale' };
		const managerIds = [...new Set(input.manager_ids)].sort((a, b) => a - b);
		const options = await findManagerOptions(trx, centerId, actor.districtIds);
		if (managerIds.some((id) => !options.some((o) => o.id === id)))
			return { ok: false, error: 'manager_invalid', field: 'manager_ids' };
		const beforeManagerIds = await findManagerIds(trx, centerId);
		const removed = beforeManagerIds.filter((id) => !managerIds.includes(id));
		// A manager with no centre would see nothing and drop out of every admin's user list.
		const stranded = await findManagerLeftWithoutCenter(trx, removed, centerId);
		if (stranded)
			return {
				ok: false,
				error: 'manager_last_center',
				field: 'manager_ids',
				name: stranded.display_name
			};

		const values = {
			name: tidyText(input.name),
			address: tidyOptional(input.address),
			phone: tidyOptional(toLatinDigits(input.phone))
		};
		const result = await trx
			.updateTable('centers')
			.set({ ...values, name_search: centerSearchKey(values), version: version + 1 })
			.where('id', '=', centerId)
			.where('version', '=', version)
			.executeTakeFirst();
		if (!updatedOne(result)) return { ok: false, error: 'stale' };
		await writeManagers(trx, centerId, beforeManagerIds, managerIds);
		await auditDirectoryChange(
			trx,
			actor,
			'record_updated',
			{ type: 'center', id: centerId, subject: values.name },
			now,
			{
				before: await describeCenter(trx, before, beforeManagerIds),
				after: await describeCenter(trx, values, managerIds)
			}
		);
		return { ok: true, id: centerId };
	});
}
