import { afterEach, describe, expect, it } from 'vitest';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '../../../src/lib/paraglide/messages.js';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';
import {
	facilitatorSchema,
	normalizePhone,
	topicCreateSchema,
	topicUpdateSchema,
	versionSchema
} from '../../../src/lib/schemas/catalogue.ts';

const locales = ['fa', 'en'] as const;

/** The messages a schema gives for `input`, by field, in `locale`. */
function messagesOf(
	schema: typeof topicCreateSchema | typeof facilitatorSchema,
	input: unknown,
	locale: 'fa' | 'en'
): Record<string, string[]> {
	overwriteGetLocale(() => locale);
	const result = schema.safeParse(input);
	const byField: Record<string, string[]> = {};
	for (const issue of result.error?.issues ?? []) {
		const field = String(issue.path[0]);
		(byField[field] ??= []).push(issue.message);
	}
	return byField;
}

const topic = { code: 'gambling', name_fa: 'قمار', name_en: 'Gambling', audience: ['students'] };
const facilitator = { district_id: 1, name: 'مریم کاظمی', organization: 'police', phone: '' };

describe('catalogue form rules', () => {
	afterEach(() => overwriteGetLocale(() => 'fa'));

	it('accept a complete topic', () => {
		expect(topicCreateSchema.safeParse(topic).success).toBe(true);
	});

	it('refuse a code that is not lowercase Latin letters, digits and underscores', () => {
		for (const code of ['Gambling', 'online gambling', 'قمار', 'drug-abuse', 'abc!']) {
			for (const locale of locales) {
				expect(messagesOf(topicCreateSchema, { ...topic, code }, locale).code).toEqual([
					m.catalogue_code_format({}, { locale })
				]);
			}
		}
		expect(m.catalogue_code_format({}, { locale: 'en' })).toMatch(/lowercase Latin letters/);
		expect(m.catalogue_code_format({}, { locale: 'fa' })).toMatch(/حروف کوچک لاتین/);
		expect(topicCreateSchema.safeParse({ ...topic, code: 'online_gambling_2' }).success).toBe(true);
	});

	it('require both names', () => {
		for (const locale of locales) {
			const errors = messagesOf(
				topicCreateSchema,
				{ ...topic, name_fa: '', name_en: '  ' },
				locale
			);
			expect(errors.name_fa).toEqual([m.field_required({}, { locale })]);
			expect(errors.name_en).toEqual([m.field_required({}, { locale })]);
		}
		expect(m.field_required({}, { locale: 'en' })).toBe('This field is required.');
		expect(m.field_required({}, { locale: 'fa' })).toBe('این بخش را پر کنید.');
	});

	it('require at least one audience, from the known three', () => {
		for (const locale of locales) {
			for (const audience of [[], ['pupils'], undefined]) {
				expect(messagesOf(topicCreateSchema, { ...topic, audience }, locale).audience).toEqual([
					m.catalogue_audience_required({}, { locale })
				]);
			}
		}
		expect(m.catalogue_audience_required({}, { locale: 'en' })).toBe(
			'Choose at least one audience.'
		);
		expect(m.catalogue_audience_required({}, { locale: 'fa' })).toBe(
			'دست‌کم یک گروه مخاطب را انتخاب کنید.'
		);
	});

	it('leave the code out of a topic edit: it cannot change after creation', () => {
		const parsed = topicUpdateSchema.parse({ ...topic, code: 'renamed', version: 3 });
		expect(parsed).not.toHaveProperty('code');
	});

	it("require a facilitator's name and organisation", () => {
		for (const locale of locales) {
			const errors = messagesOf(facilitatorSchema, { ...facilitator, name: ' ' }, locale);
			expect(errors.name).toEqual([m.field_required({}, { locale })]);
			for (const organization of ['', undefined, 'army']) {
				expect(
					messagesOf(facilitatorSchema, { ...facilitator, organization }, locale).organization
				).toEqual([m.catalogue_organization_required({}, { locale })]);
			}
		}
		expect(m.catalogue_organization_required({}, { locale: 'en' })).toBe(
			"Choose the facilitator's organisation."
		);
		expect(m.catalogue_organization_required({}, { locale: 'fa' })).toBe(
			'سازمان مربی را انتخاب کنید.'
		);
	});

	it('accept a phone in Persian, Arabic-Indic or Latin digits, and refuse anything else', () => {
		for (const phone of ['۰۲۱-۳۳۴۴ ۵۵۶۶', '٠٩١٢١٢٣٤٥٦٧', '+98 21 3344 5566', '']) {
			expect(facilitatorSchema.safeParse({ ...facilitator, phone }).success, phone).toBe(true);
		}
		for (const locale of locales) {
			for (const phone of ['021-CALL-ME', '12', '0912345678901234567']) {
				expect(messagesOf(facilitatorSchema, { ...facilitator, phone }, locale).phone).toEqual([
					m.catalogue_phone_invalid({}, { locale })
				]);
			}
		}
		expect(normalizePhone('۰۲۱-۳۳۴۴ ۵۵۶۶')).toBe('02133445566');
		expect(normalizePhone('٠٩١٢ ١٢٣ ٤٥٦٧')).toBe('09121234567');
	});

	it('refuse a posted form without its version, so nothing is changed blindly', async () => {
		const form = await superValidate(new FormData(), zod4(versionSchema));
		expect(form.valid).toBe(false);
		const withVersion = new FormData();
		withVersion.set('version', '4');
		expect((await superValidate(withVersion, zod4(versionSchema))).data.version).toBe(4);
	});

	it('read a posted facilitator form: several topics, an unticked "active" box', async () => {
		const body = new FormData();
		body.set('district_id', '1');
		body.set('name', 'مریم کاظمی');
		body.set('organization', 'health');
		body.append('topic_ids', '2');
		body.append('topic_ids', '5');
		const form = await superValidate(body, zod4(facilitatorSchema));
		expect(form.valid).toBe(true);
		expect(form.data).toMatchObject({ topic_ids: [2, 5], active: false, phone: '' });
		body.set('active', 'on');
		expect((await superValidate(body, zod4(facilitatorSchema))).data.active).toBe(true);
	});
});
