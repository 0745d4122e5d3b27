import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { passwordResetSchema, userUpdateSchema } from '$lib/schemas/users';
import { getDb } from '$lib/server/db';
import { findScopeOptions } from '$lib/server/directory/scope-options';
import { requireAdminActor } from '$lib/server/auth/actor';
import { userChangeErrorMessage } from '$lib/server/users/messages';
import { findUserById, findUserScope, isUserInDistricts } from '$lib/server/users/repository';
import { resetUserPassword, setUserActive, updateUser } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';
import { recordIdOf } from '$lib/server/directory/record-id';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdminActor(event);
	const db = getDb();
	const id = recordIdOf(event.params.id);
	const user = await findUserById(db, id);
	if (!user || !(await isUserInDistricts(db, id, actor.districtIds))) error(404, 'Not found');
	const scope = await findUserScope(db, user);
	const values = {
		email: user.email,
		display_name: user.display_name,
		role: user.role,
		district_ids: scope.districtIds,
		center_ids: scope.centerIds,
		school_id: scope.schoolId ?? undefined,
		locale: user.locale,
		version: user.version
	};
	return {
		user: { id: user.id, email: user.email, active: Boolean(user.active), isSelf: id === actor.id },
		form: await superValidate(values, zod4(userUpdateSchema)),
		resetForm: await superValidate(zod4(passwordResetSchema), { id: 'reset' }),
		options: await findScopeOptions(db, actor.districtIds)
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(userUpdateSchema));
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const result = await updateUser(getDb(), actor, recordIdOf(event.params.id), version, input);
		if (result.ok) return message(form, m.saved());
		if (!('field' in result)) {
			if (result.error === 'stale') return message(form, m.stale_edit(), { status: 409 });
			error(404, 'Not found');
		}
		return setError(form, result.field as 'email', userChangeErrorMessage(result.error));
	},
	setActive: async (event) => {
		const actor = requireAdminActor(event);
		const active = (await event.request.formData()).get('active') === '1';
		const result = await setUserActive(getDb(), actor, recordIdOf(event.params.id), active);
		if (!result.ok) error(404, 'Not found');
		return { activeChanged: true };
	},
	resetPassword: async (event) => {
		const actor = requireAdminActor(event);
		const form = await superValidate(event.request, zod4(passwordResetSchema), { id: 'reset' });
		if (!form.valid) return fail(400, { form });
		const result = await resetUserPassword(
			getDb(),
			actor,
			recordIdOf(event.params.id),
			form.data.temporary_password
		);
		if (result.ok) return message(form, m.password_reset_done());
		if (result.error === 'not_found' || result.error === 'stale') error(404, 'Not found');
		return setError(form, 'temporary_password', userChangeErrorMessage(result.error));
	}
};
