import fc from 'fast-check';
import type { APIRequestContext } from '@playwright/test';
import { describeChanges, type DatabaseWatch } from './database';
import type { FuzzAccount } from './accounts';
import { formArbitrary } from './forms';
import { answerProblem } from './well-formed';

// /profile/password fuzzed by an account made for it, signed in: its current password right or
// nearly (a space, its case, a character short), the new one too short, the same as the current,
// not repeated alike, or hostile text; fields left out or added. Every form that would really
// change the password (right current password, the new one repeated, new and long enough) is left
// out: the property is that nothing else changes it. Never a 5xx; refused (4xx), the page whole;
// nothing written.

export interface PasswordAttempt {
	english: boolean;
	form: Record<string, string>;
}

const newPassword = 'fuzz-new-pass-99887';

/** Whether the form would change the password: the one kind of form the fuzzer does not send. */
const wouldChange = (form: Record<string, string>, password: string) =>
	form.current_password === password &&
	form.new_password === form.confirm_password &&
	form.new_password !== password &&
	[...(form.new_password ?? '')].length >= 10;

export function passwordAttemptArbitrary(account: FuzzAccount): fc.Arbitrary<PasswordAttempt> {
	const { password } = account;
	const news = [newPassword, `${newPassword}x`, password, 'short', ''];
	return fc.record({
		english: fc.boolean(),
		form: formArbitrary([
			{
				name: 'current_password',
				options: [password, password, `${password} `, password.toUpperCase(), password.slice(1)]
			},
			{ name: 'new_password', options: news },
			{ name: 'confirm_password', options: news }
		]).filter((form) => !wouldChange(form, password))
	});
}

/** Sends the attempt; the problems it shows, none when all is well. */
export async function attemptPasswordChange(
	database: DatabaseWatch,
	client: APIRequestContext,
	attempt: PasswordAttempt
): Promise<string[]> {
	const path = `${attempt.english ? '/en' : ''}/profile/password`;
	const before = database.snapshot();
	const answer = await client.post(path, { form: attempt.form, maxRedirects: 0 });
	const status = answer.status();
	const sent = `${path} ${JSON.stringify(attempt.form).slice(0, 300)} → ${status}`;
	const problem =
		status >= 400 && status < 500 ? await answerProblem('page', answer) : 'not refused';
	const changes = database.changesSince(before);
	return [
		...(problem ? [`${sent}: ${problem}`] : []),
		...(changes.length ? [`${sent} but wrote ${describeChanges(changes)}`] : [])
	];
}
