import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireAdminActor } from '$lib/server/auth/actor';
import {
	featureProblemMessage,
	fileProblemMessage,
	levelLabel,
	maxMegabytes
} from '$lib/server/boundaries/messages';
import { MAX_BOUNDARY_BYTES, MAX_FEATURES } from '$lib/server/boundaries/read-file';
import { findBoundarySummary } from '$lib/server/boundaries/repository';
import { removeBoundaries, uploadBoundaries } from '$lib/server/boundaries/service';
import { chooseDistrict } from '$lib/server/closures/district-choice';
import { getDb } from '$lib/server/db';
import type { BoundaryLevel } from '$lib/server/db/schema';
import { listDistrictsByIds } from '$lib/server/directory/districts';
import type { Actions, PageServerLoad } from './$types';

// Admins only, for their own districts: the outlines the coverage map draws.

const levels: BoundaryLevel[] = ['neighborhood', 'area'];
const levelOf = (value: FormDataEntryValue | null) => levels.find((l) => l === value);

/** Refused, saying why (and, for a file, what is wrong with each feature). */
const refuse = (problem: string, features: { feature: string; problem: string }[] = []) =>
	fail(400, { problem, features });

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const districtId = chooseDistrict(actor.districtIds, event.url);
	if (districtId === null) error(404, 'Not found');
	const db = getDb();
	return {
		districtId,
		districts: await listDistrictsByIds(db, actor.districtIds),
		summary: await findBoundarySummary(db, districtId),
		limits: { megabytes: maxMegabytes, features: MAX_FEATURES }
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const actor = requireAdminActor(event);
		const data = await event.request.formData();
		const level = levelOf(data.get('level'));
		const file = data.get('file');
		if (!level) return refuse(m.boundaries_refused());
		if (!(file instanceof File) || file.size === 0) return refuse(m.boundaries_choose_file());
		// Refused before it is read: its size says enough.
		if (file.size > MAX_BOUNDARY_BYTES) return refuse(fileProblemMessage('too_large'));
		const result = await uploadBoundaries(getDb(), actor, {
			districtId: Number(data.get('district_id')),
			level,
			fileName: file.name.split(/[\\/]/).pop()!.slice(0, 200),
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (result.ok) return { saved: result.places, level };
		if ('error' in result) error(404, 'Not found');
		if (result.problem !== 'features') return refuse(fileProblemMessage(result.problem));
		return refuse(
			m.boundaries_refused(),
			result.features.map((f) => featureProblemMessage(f, level))
		);
	},
	remove: async (event) => {
		const actor = requireAdminActor(event);
		const data = await event.request.formData();
		const level = levelOf(data.get('level'));
		if (!level) return refuse(m.boundaries_refused());
		const result = await removeBoundaries(getDb(), actor, Number(data.get('district_id')), level);
		if (!result.ok) error(404, 'Not found');
		return {
			removed: result.removed
				? m.boundaries_removed({ level: levelLabel[level]() })
				: m.boundaries_nothing_removed()
		};
	}
};
