import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { todayInTehran } from '$lib/i18n/jalali';
import { changePairingSchema, pairSchema, unpairSchema } from '$lib/schemas/pairings';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { recordIdOf } from '$lib/server/directory/record-id';
import { requirePairingActor } from '$lib/server/pairings/actor';
import { localYearLabel } from '$lib/server/pairings/messages';
import {
	districtScope,
	findNeighborhoodInScope,
	findPairingOfNeighborhood
} from '$lib/server/pairings/records';
import { findNeighborhoodHistory } from '$lib/server/pairings/repository';
import { findSchoolChoices, groupSchoolChoices } from '$lib/server/pairings/school-choices';
import {
	chooseSchoolYear,
	listSchoolYears,
	isSchoolYearClosed,
	schoolYearIdFrom
} from '$lib/server/pairings/school-years';
import { changePairingSchool, pairNeighborhood, removePairing } from '$lib/server/pairings/service';
import { m } from '$lib/paraglide/messages';
import { answerPairingForm, refuseInvalidPairingForm } from '$lib/server/pairings/form-answer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = recordIdOf(event.params.neighborhoodId);
	const neighborhood = await findNeighborhoodInScope(db, user, id);
	if (!neighborhood) error(404, 'Not found');
	const years = await listSchoolYears(db);
	const year = chooseSchoolYear(years, schoolYearIdFrom(event.url));
	const [pairing, history] = await Promise.all([
		year ? findPairingOfNeighborhood(db, year.id, id) : null,
		findNeighborhoodHistory(db, id)
	]);
	const closed = year ? isSchoolYearClosed(year, todayInTehran()) : true;
	const canChange = user.role === 'admin' && !closed && year !== null;
	const choices =
		canChange && year
			? groupSchoolChoices(await findSchoolChoices(db, neighborhood.district_id, year.id), {
					id,
					areaId: neighborhood.area.id
				})
			: null;
	const editValues = { pairing_id: pairing?.id, version: pairing?.version };
	return {
		neighborhood,
		years: years.map((y) => ({
			id: y.id,
			label: localYearLabel(y.label),
			current: !!y.is_current
		})),
		year: year && { id: year.id, label: localYearLabel(year.label), closed },
		pairing: pairing && {
			id: pairing.id,
			version: pairing.version,
			school: pairing.school_name,
			created_on: pairing.created_at.slice(0, 10)
		},
		history: history.map((h) => ({
			...h,
			school_year: { ...h.school_year, label: localYearLabel(h.school_year.label) }
		})),
		choices,
		pairForm: await superValidate({ school_year_id: year?.id }, zod4(pairSchema), {
			id: 'pair',
			errors: false
		}),
		changeForm: await superValidate(editValues, zod4(changePairingSchema), {
			id: 'change',
			errors: false
		}),
		unpairForm: await superValidate(editValues, zod4(unpairSchema), {
			id: 'unpair',
			errors: false
		})
	};
};

/** The admin acting and the neighbourhood acted on: 404 before anything else when out of reach. */
async function adminAndNeighborhood(event: Parameters<Actions[string]>[0]) {
	const actor = requirePairingActor(event);
	const neighborhoodId = recordIdOf(event.params.neighborhoodId);
	const scope = districtScope(actor.districtIds);
	if (!(await findNeighborhoodInScope(getDb(), scope, neighborhoodId))) error(404, 'Not found');
	return { actor, neighborhoodId };
}

export const actions: Actions = {
	pair: async (event) => {
		const { actor, neighborhoodId } = await adminAndNeighborhood(event);
		const form = await superValidate(event.request, zod4(pairSchema), { id: 'pair' });
		if (!form.valid) return refuseInvalidPairingForm(form);
		const result = await pairNeighborhood(getDb(), actor, {
			schoolYearId: form.data.school_year_id,
			neighborhoodId,
			schoolId: form.data.school_id,
			confirmOtherArea: form.data.confirm_other_area
		});
		return answerPairingForm(form, result, m.pairing_created);
	},
	change: async (event) => {
		const { actor, neighborhoodId } = await adminAndNeighborhood(event);
		const form = await superValidate(event.request, zod4(changePairingSchema), { id: 'change' });
		if (!form.valid) return refuseInvalidPairingForm(form);
		const result = await changePairingSchool(getDb(), actor, {
			neighborhoodId,
			pairingId: form.data.pairing_id,
			version: form.data.version,
			schoolId: form.data.school_id,
			reason: form.data.reason,
			confirmOtherArea: form.data.confirm_other_area
		});
		return answerPairingForm(form, result, m.pairing_changed);
	},
	unpair: async (event) => {
		const { actor, neighborhoodId } = await adminAndNeighborhood(event);
		const form = await superValidate(event.request, zod4(unpairSchema), { id: 'unpair' });
		if (!form.valid) return refuseInvalidPairingForm(form);
		const result = await removePairing(getDb(), actor, {
			neighborhoodId,
			pairingId: form.data.pairing_id,
			version: form.data.version,
			reason: form.data.reason
		});
		return answerPairingForm(form, result, m.pairing_removed);
	}
};
