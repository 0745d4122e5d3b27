import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import type { DB } from '../db/connect.ts';
import type { BoundaryLevel } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { readBoundaryFile, type DirectoryPlace, type ReadResult } from './read-file.ts';
import { simplifyOutlines } from './simplify.ts';

// An admin uploads the outlines of one level (neighbourhoods or areas) of one of their districts.
// The whole file is checked first; a file with any problem changes nothing. A good one replaces
// the level's outlines in one transaction, audited; removing them goes back to the tile map.

export type UploadResult =
	| { ok: true; places: number }
	| { ok: false; error: 'not_found' }
	| Extract<ReadResult, { ok: false }>;

/** The district's places of the level, as the file's names are matched against. */
async function placesOf(
	db: DB,
	districtId: number,
	level: BoundaryLevel
): Promise<DirectoryPlace[]> {
	if (level === 'area')
		return db
			.selectFrom('areas')
			.select(['id', 'name_fa', 'name_en'])
			.where('district_id', '=', districtId)
			.orderBy('id')
			.execute();
	return db
		.selectFrom('neighborhoods')
		.innerJoin('areas', 'areas.id', 'neighborhoods.area_id')
		.select(['neighborhoods.id', 'neighborhoods.name_fa', 'neighborhoods.name_en'])
		.where('areas.district_id', '=', districtId)
		.orderBy('neighborhoods.id')
		.execute();
}

export async function uploadBoundaries(
	db: DB,
	actor: Actor,
	upload: { districtId: number; level: BoundaryLevel; fileName: string; bytes: Uint8Array },
	now = new Date()
): Promise<UploadResult> {
	const { districtId, level } = upload;
	if (!actor.districtIds.includes(districtId)) return { ok: false, error: 'not_found' };
	const read = readBoundaryFile(upload.bytes, await placesOf(db, districtId, level));
	if (!read.ok) return read;
	const outlines = simplifyOutlines(read.outlines);
	const uploadedAt = now.toISOString();
	await inTransaction(db, async (trx) => {
		await trx
			.deleteFrom('place_boundaries')
			.where('district_id', '=', districtId)
			.where('level', '=', level)
			.execute();
		for (let i = 0; i < outlines.length; i += 200)
			await trx
				.insertInto('place_boundaries')
				.values(
					outlines.slice(i, i + 200).map(({ placeId, outline }) => ({
						district_id: districtId,
						level,
						neighborhood_id: level === 'neighborhood' ? placeId : null,
						area_id: level === 'area' ? placeId : null,
						geometry: JSON.stringify(outline),
						uploaded_at: uploadedAt,
						uploaded_by: actor.id
					}))
				)
				.execute();
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'boundaries_uploaded',
				entityType: 'district',
				entityId: districtId,
				after: { level, file: upload.fileName, places: outlines.length }
			},
			now
		);
	});
	return { ok: true, places: outlines.length };
}

/** Removes the level's outlines; false when there were none (nothing is audited then). */
export async function removeBoundaries(
	db: DB,
	actor: Actor,
	districtId: number,
	level: BoundaryLevel,
	now = new Date()
): Promise<{ ok: true; removed: boolean } | { ok: false; error: 'not_found' }> {
	if (!actor.districtIds.includes(districtId)) return { ok: false, error: 'not_found' };
	const removed = await inTransaction(db, async (trx) => {
		const result = await trx
			.deleteFrom('place_boundaries')
			.where('district_id', '=', districtId)
			.where('level', '=', level)
			.executeTakeFirst();
		const count = Number(result.numDeletedRows);
		if (!count) return false;
		await recordAudit(
			trx,
			{
				actorId: actor.id,
				ip: actor.ip,
				action: 'boundaries_removed',
				entityType: 'district',
				entityId: districtId,
				before: { level, places: count }
			},
			now
		);
		return true;
	});
	return { ok: true, removed };
}
