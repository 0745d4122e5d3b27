import fc from 'fast-check';
import type { Role } from '../authorization-matrix';
import { formArbitrary, type Field } from './forms';

// What the fuzzer sends the public feedback form: a third are valid answers made of the form's own
// choices, the rest the fuzzer's usual forms (fields left out, hostile text, unknown fields); from
// any role, and a quarter from a browser that has answered already.

export interface FeedbackAttempt {
	role: Role;
	/** The browser carries the form's "answered" cookie: the answer must be turned away. */
	answeredBefore: boolean;
	form: Record<string, string>;
	/** Made of the form's own choices: an open form must store it exactly. */
	valid: boolean;
}

export function feedbackAnswerArbitrary(
	fields: Field[],
	roles: Role[]
): fc.Arbitrary<FeedbackAttempt> {
	const choice = (name: string) =>
		fc.constantFrom(...(fields.find((field) => field.name === name)?.options ?? ['']));
	const validForm = fc.record(
		{
			overall: choice('overall'),
			learned: choice('learned'),
			would_recommend: choice('would_recommend'),
			comment: fc.oneof(
				fc.string({ maxLength: 200 }),
				fc.string({ unit: 'grapheme', maxLength: 40 }),
				fc.constant('جلسهٔ خوبی بود؛ <b>ممنون</b> 🌱')
			)
		},
		{ requiredKeys: ['overall'] }
	);
	const answer = fc.oneof(
		{
			weight: 1,
			arbitrary: validForm.map((form) => ({ form: form as Record<string, string>, valid: true }))
		},
		{ weight: 2, arbitrary: formArbitrary(fields).map((form) => ({ form, valid: false })) }
	);
	return fc
		.record({
			role: fc.constantFrom(...roles),
			answeredBefore: fc.nat(3).map((n) => n === 0),
			answer
		})
		.map(({ role, answeredBefore, answer }) => ({ role, answeredBefore, ...answer }));
}

/** Always tried first: an anonymous and a signed-in valid answer, and one answered before. */
export const feedbackAnswerExamples: [FeedbackAttempt][] = [
	[
		{
			role: 'anonymous',
			answeredBefore: false,
			valid: true,
			form: { overall: '4', learned: 'partly', comment: '  جلسهٔ خوبی بود 🌱\u0007 ' }
		}
	],
	[
		{
			role: 'school_staff',
			answeredBefore: false,
			valid: true,
			form: { overall: '2', would_recommend: 'no' }
		}
	],
	[{ role: 'liaison', answeredBefore: true, valid: true, form: { overall: '5' } }]
];
