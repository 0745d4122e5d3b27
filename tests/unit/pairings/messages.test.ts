import { afterAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	changePairingSchema,
	copyPairingsSchema,
	pairSchema,
	unpairSchema
} from '../../../src/lib/schemas/pairings.ts';
import { REASON_MAX_LENGTH } from '../../../src/lib/pairings/limits.ts';
import {
	localYearLabel,
	pairingRefusalMessage,
	refusalField
} from '../../../src/lib/server/pairings/messages.ts';
import type { PairingRefusal } from '../../../src/lib/server/pairings/service.ts';

function messagesOf(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const dulab = { name_fa: 'دولاب', name_en: 'Dulab' };
const refusals: PairingRefusal[] = [
	{ error: 'school_taken', neighborhood: dulab, year: '۱۴۰۵–۱۴۰۶' },
	{ error: 'neighborhood_taken', neighborhood: dulab, school: 'دبستان فردوسی', year: '۱۴۰۵–۱۴۰۶' },
	{
		error: 'other_area',
		neighborhood: { name_fa: 'شهرابی', name_en: 'Shahrabi' },
		school: 'دبستان فردوسی',
		area: { name_fa: 'ناحیه ۶', name_en: 'Area 6' },
		schoolArea: { name_fa: 'ناحیه ۳', name_en: 'Area 3' }
	},
	{ error: 'school_not_in_district' },
	{ error: 'same_school' },
	{ error: 'reason_required' },
	{ error: 'year_closed', year: '۱۴۰۴–۱۴۰۵' },
	{ error: 'stale' }
];

describe('pairing messages', () => {
	afterAll(() => overwriteGetLocale(() => 'fa'));

	it('refuses incomplete forms with field messages in Persian and in English', () => {
		overwriteGetLocale(() => 'fa');
		expect(messagesOf(pairSchema.safeParse({ school_year_id: '3', school_id: '' }))).toEqual({
			school_id: 'مدرسه‌ای برگزینید.'
		});
		expect(
			messagesOf(
				changePairingSchema.safeParse({
					pairing_id: '4',
					version: '1',
					school_id: '7',
					reason: '  '
				})
			)
		).toEqual({ reason: 'دلیل را بنویسید؛ در گزارش رویدادها نگه داشته می‌شود.' });
		expect(
			messagesOf(unpairSchema.safeParse({ pairing_id: '4', version: '1', reason: 'x'.repeat(501) }))
		).toEqual({
			reason: 'دلیل باید حداکثر ۵۰۰ نویسه باشد.'
		});

		overwriteGetLocale(() => 'en');
		expect(messagesOf(pairSchema.safeParse({ school_year_id: '3', school_id: '' }))).toEqual({
			school_id: 'Choose a school.'
		});
		expect(
			messagesOf(changePairingSchema.safeParse({ pairing_id: '4', version: '1', school_id: '7' }))
		).toEqual({ reason: 'Give the reason: it is kept in the audit log.' });
		expect(
			messagesOf(unpairSchema.safeParse({ pairing_id: '4', version: '1', reason: 'x'.repeat(501) }))
		).toEqual({
			reason: `The reason can be at most ${REASON_MAX_LENGTH} characters.`
		});
		expect(messagesOf(copyPairingsSchema.safeParse({}))).toEqual({
			school_year_id: 'This field is required.'
		});
	});

	it('accepts a complete form, trimming the reason and reading the "pair anyway" box', () => {
		expect(pairSchema.parse({ school_year_id: '3', school_id: '12' })).toEqual({
			school_year_id: 3,
			school_id: 12,
			confirm_other_area: false
		});
		expect(
			unpairSchema.parse({ pairing_id: '4', version: '2', reason: '  سرا تعطیل است ' })
		).toEqual({ pairing_id: 4, version: 2, reason: 'سرا تعطیل است' });
	});

	it('says why a change was refused, naming the neighbourhood, in both languages', () => {
		overwriteGetLocale(() => 'fa');
		expect(pairingRefusalMessage(refusals[0]!)).toBe(
			'این مدرسه در این سال تحصیلی (۱۴۰۵–۱۴۰۶) با محلهٔ دولاب هم‌پیمان است.'
		);
		const fa = refusals.map((r) => pairingRefusalMessage(r));
		overwriteGetLocale(() => 'en');
		expect(pairingRefusalMessage(refusals[0]!)).toBe(
			'This school is already paired with Dulab this school year (1405–1406).'
		);
		expect(pairingRefusalMessage(refusals[2]!)).toBe(
			'دبستان فردوسی is in Area 3, not in Area 6 where Shahrabi lies. If that is right, tick "Pair anyway" and save again.'
		);
		const en = refusals.map((r) => pairingRefusalMessage(r));
		for (const [i, text] of fa.entries()) {
			expect(text, refusals[i]!.error).toMatch(/[\u0600-\u06FF]/);
			expect(en[i], refusals[i]!.error).not.toBe(text);
		}
		expect(new Set(en).size).toBe(en.length);
	});

	it('puts each refusal on the field it concerns', () => {
		expect(refusals.map((r) => refusalField(r))).toEqual([
			'school_id',
			null,
			'confirm_other_area',
			'school_id',
			'school_id',
			'reason',
			null,
			null
		]);
	});

	it('shows school-year labels with Latin digits in English', () => {
		expect(localYearLabel('۱۴۰۵–۱۴۰۶', 'en')).toBe('1405–1406');
		expect(localYearLabel('۱۴۰۵–۱۴۰۶', 'fa')).toBe('۱۴۰۵–۱۴۰۶');
	});
});
