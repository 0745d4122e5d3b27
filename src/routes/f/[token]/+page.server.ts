import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { answerSchema } from '$lib/schemas/feedback';
import { getDb } from '$lib/server/db';
import { submitFeedbackAnswer } from '$lib/server/feedback/answers';
import { answerLimiter } from '$lib/server/feedback/rate-limit';
import { closesAt, formStateOf } from '$lib/server/feedback/rules';
import { findFeedbackTarget } from '$lib/server/feedback/target';
import type { Actions, PageServerLoad } from './$types';

// The anonymous feedback form behind a session's or campaign event's QR code: no sign-in, no
// personal questions.
// A browser that has answered carries a cookie saying so for this form (nothing else is in it);
// the cookie's path is the whole site because the English form lives under /en/f/.

const ANSWERED = '1';
const cookieName = (token: string) => `feedback_${token}`;
const answeredHere = (cookies: Cookies, token: string) =>
	cookies.get(cookieName(token)) === ANSWERED;

export const load: PageServerLoad = async ({ params, cookies }) => {
	const target = await findFeedbackTarget(getDb(), params.token);
	if (!target) error(404, 'Not found');
	return {
		state: answeredHere(cookies, params.token)
			? ('answered' as const)
			: formStateOf(target, target.answers),
		about: {
			kind: target.kind,
			topic_fa: target.topic_fa,
			topic_en: target.topic_en,
			place_name: target.place_name,
			date: target.date,
			starts_at: target.starts_at
		},
		closesAt: closesAt(target),
		form: await superValidate(zod4(answerSchema))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { token } = event.params;
		const db = getDb();
		if (!(await findFeedbackTarget(db, token))) error(404, 'Not found');
		const form = await superValidate(event.request, zod4(answerSchema));
		if (!form.valid) return fail(400, { form });
		const result = await submitFeedbackAnswer(db, {
			token,
			answer: form.data,
			answeredBefore: answeredHere(event.cookies, token),
			address: event.getClientAddress(),
			limiter: answerLimiter
		});
		if (result.ok)
			event.cookies.set(cookieName(token), ANSWERED, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				maxAge: 60 * 60 * 24 * 90
			});
		else if (result.error === 'unknown') error(404, 'Not found');
		else if (result.error === 'rate_limited')
			return message(form, m.feedback_rate_limited(), { status: 429 });
		// Thanks, or why the form no longer takes answers: the page says which.
		redirect(303, localizeHref(`/f/${token}`));
	}
};
