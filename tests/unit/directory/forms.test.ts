import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../../../src/lib/paraglide/messages.js';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	areaUpdateSchema,
	centerUpdateSchema,
	newAreaSchema,
	newNeighborhoodSchema,
	newSchoolYearSchema,
	toInteger
} from '../../../src/lib/schemas/directory.ts';
import { directoryErrorMessage } from '../../../src/lib/server/directory/messages.ts';

// What people see when a directory form is refused, in Persian and in English.

function errorsOf(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('directory forms', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('reads numbers typed with Persian, Arabic-Indic or Latin digits', () => {
		const base = { name_fa: 'ناحیه ۷', name_en: 'Area 7', version: 1 };
		for (const number of ['۷', '٧', '7', ' 7 ']) {
			const parsed = areaUpdateSchema.parse({ ...base, number });
			expect(toInteger(parsed.number)).toBe(7);
		}
		expect(toInteger(newSchoolYearSchema.parse({ start_year: '۱۴۰۶' }).start_year)).toBe(1406);
	});

	it('names missing and malformed fields in Persian', () => {
		overwriteGetLocale(() => 'fa');
		expect(
			errorsOf(newAreaSchema.safeParse({ number: 'x', name_fa: ' ', name_en: 'A', district_id: 0 }))
		).toEqual({
			number: 'شمارهٔ ناحیه را با رقم بنویسید، از ۱ تا ۹۹۹.',
			name_fa: 'این بخش را پر کنید.',
			district_id: 'این بخش را پر کنید.'
		});
		expect(errorsOf(newSchoolYearSchema.safeParse({ start_year: '406' }))).toEqual({
			start_year: 'سال را چهار رقمی بنویسید، مثلاً ۱۴۰۶.'
		});
	});

	it('names missing and malformed fields in English', () => {
		overwriteGetLocale(() => 'en');
		const neighborhood = newNeighborhoodSchema.safeParse({
			name_fa: 'محله',
			name_en: '',
			area_id: '',
			center_phone: 'call me'
		});
		expect(errorsOf(neighborhood)).toEqual({
			name_en: 'This field is required.',
			area_id: 'This field is required.',
			center_phone: 'A phone number takes only digits, spaces, dashes, brackets and +.'
		});
		const center = centerUpdateSchema.safeParse({
			name: 'x'.repeat(101),
			version: 1,
			phone: '۰۲۱-۱۲۳۴'
		});
		expect(errorsOf(center)).toEqual({ name: 'This text is too long.' });
	});

	it('explains each refused change in both languages', () => {
		const refusals = [
			{ error: 'outside_districts', field: 'area_id' },
			{ error: 'area_number_taken', field: 'number' },
			{ error: 'neighborhood_name_taken', field: 'name_fa' },
			{ error: 'area_other_district', field: 'area_id' },
			{ error: 'manager_invalid', field: 'manager_ids' },
			{ error: 'manager_last_center', field: 'manager_ids', name: 'مدیر تک‌سرا' }
		] as const;
		overwriteGetLocale(() => 'fa');
		const fa = refusals.map((r) => directoryErrorMessage({ ok: false, ...r }));
		overwriteGetLocale(() => 'en');
		const en = refusals.map((r) => directoryErrorMessage({ ok: false, ...r }));
		expect(new Set(fa).size).toBe(refusals.length);
		expect(new Set(en).size).toBe(refusals.length);
		expect(fa[1]).toBe('ناحیه‌ای با این شماره در این منطقه هست.');
		expect(en[3]).toBe('Choose an area of the neighbourhood’s own district.');
		expect(en[5]).toMatch(/^مدیر تک‌سرا runs no other centre/);
		expect(fa[5]).toMatch(/^مدیر تک‌سرا سرای دیگری ندارد/);
	});

	it('explains a refused school year in both languages', () => {
		expect(m.school_years_exists({ label: '۱۴۰۶–۱۴۰۷' }, { locale: 'fa' })).toBe(
			'سال تحصیلی ۱۴۰۶–۱۴۰۷ پیش‌تر ثبت شده است.'
		);
		expect(m.school_years_exists({ label: '1406–1407' }, { locale: 'en' })).toBe(
			'The school year 1406–1407 has already been added.'
		);
		expect(m.school_years_overlaps({ label: '1406–1407' }, { locale: 'en' })).toBe(
			'This year overlaps the school year 1406–1407.'
		);
	});
});
