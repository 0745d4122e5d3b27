import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describeChanges, type DatabaseWatch } from './database';
import { loopbackAddress, postSignIn, type FuzzAccount } from './accounts';
import { formArbitrary } from './forms';
import { persianDigits } from './segment-requests';
import { answerProblem } from './well-formed';

// The sign-in form fuzzed: near-valid forms of an account's email and password made for the
// fuzzer (case, spaces, a character short, Persian digits...) mixed with hostile text, fields
// left out or added, in Persian or English, each from its own loopback address. Never a 5xx; a
// refusal (400, or 429 once the account is throttled) is the sign-in page in the page's language
// with the reason in it; a sign-in writes its session and "signed in", a failure only its
// "sign-in failed" entry (the throttle's count) from that address, a refusal by the throttle nothing.

export interface SignInAttempt {
	english: boolean;
	from: string;
	form: Record<string, string>;
}

function emailVariants(email: string): string[] {
	const [local, domain] = email.split('@') as [string, string];
	return [
		email,
		email.toUpperCase(),
		` ${email}\t`,
		`${email}.`,
		`${local}+x@${domain}`,
		`${local}@@${domain}`,
		email.slice(0, -1),
		`${email}\u200c`,
		`${local}@${domain.replace('e', '\u0435')}`, // a Cyrillic e
		'nobody@demo.test'
	];
}

function passwordVariants(password: string): string[] {
	return [
		password,
		password,
		`${password} `,
		` ${password}`,
		password.toUpperCase(),
		password.slice(0, -1),
		persianDigits(password),
		`${password}\u0000`
	];
}

export function signInAttemptArbitrary(account: FuzzAccount): fc.Arbitrary<SignInAttempt> {
	return fc.record({
		english: fc.boolean(),
		from: loopbackAddress,
		form: formArbitrary([
			{ name: 'email', options: emailVariants(account.email) },
			{ name: 'password', options: passwordVariants(account.password) }
		])
	});
}

/** The account's own email and password first, then its email with a wrong password. */
export const signInExamples = (account: FuzzAccount): [SignInAttempt][] => [
	[{ english: false, from: '127.0.0.2', form: { ...account } }],
	[{ english: true, from: '127.0.0.3', form: { ...account, password: 'wrong-password-1405' } }]
];

const messages = (locale: 'fa' | 'en') =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const escapeHtml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/**
 * What a refused sign-in says, in each language: a field's error (empty, too long, not accepted),
 * wrong details, too many tries.
 */
const refusals = Object.fromEntries(
	(['fa', 'en'] as const).map((locale) => {
		const m = messages(locale);
		const reasons = [
			m.field_required!,
			m.field_too_long!.split('{')[0]!,
			m.field_invalid!,
			m.sign_in_invalid!,
			m.sign_in_throttled!.split('{')[0]!
		];
		return [locale, reasons.map(escapeHtml)];
	})
) as Record<'fa' | 'en', string[]>;

/** Sends the attempt; the problems it shows, none when all is well. */
export async function attemptSignIn(
	database: DatabaseWatch,
	baseURL: string,
	attempt: SignInAttempt
): Promise<string[]> {
	const locale = attempt.english ? 'en' : 'fa';
	const path = `${attempt.english ? '/en' : ''}/login`;
	const before = database.snapshot();
	const answer = await postSignIn(baseURL, path, attempt.form, attempt.from);
	const status = answer.status();
	const changes = database.changesSince(before);
	const sent = `${attempt.from} ${path} ${JSON.stringify(attempt.form).slice(0, 300)} → ${status}`;
	const problems: string[] = [];
	const grew = (table: string) =>
		changes.some((c) => c.table === table && c.rowsAfter === c.rowsBefore + 1);
	let expected: string[] = [];
	if (status === 303) expected = ['user_sessions', 'audit_log'];
	else if (status === 400 || status === 429) {
		const html = await answer.text();
		const problem = await answerProblem('page', answer);
		if (problem) problems.push(`${sent}: ${problem}`);
		if (!new RegExp(`<html[^>]*\\slang="${locale}"`).test(html))
			problems.push(`${sent}: not a page in ${locale}`);
		if (!refusals[locale].some((reason) => html.includes(reason)))
			problems.push(`${sent}: no reason given in ${locale}`);
		if (status === 400 && grew('audit_log')) {
			const entry = database.lastRow('audit_log');
			if (entry?.action !== 'sign_in_failed' || entry.ip !== attempt.from)
				problems.push(`${sent}: wrote ${JSON.stringify(entry)}`);
			expected = ['audit_log'];
		}
	} else problems.push(`${sent}: answered ${status}`);
	const written = changes.filter((c) => !(expected.includes(c.table) && grew(c.table)));
	if (written.length) problems.push(`${sent} but wrote ${describeChanges(written)}`);
	return problems;
}
