import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from '../../src/lib/i18n/names.ts';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { auditActions } from '../../src/lib/server/audit/repository.ts';

describe('audit action labels', () => {
	it('name every kind of audit entry in Persian and in English', () => {
		for (const locale of ['fa', 'en'] as const) {
			overwriteGetLocale(() => locale);
			const labels = auditActions.map((action) => auditActionLabel(action));
			for (const [i, label] of labels.entries())
				expect(label, auditActions[i]).not.toBe(auditActions[i]);
			expect(new Set(labels).size).toBe(labels.length);
		}
		overwriteGetLocale(() => 'fa');
		expect(auditActionLabel('user_created')).toBe('ساخت کاربر');
		overwriteGetLocale(() => 'en');
		expect(auditActionLabel('user_created')).toBe('User created');
		expect(auditActionLabel('not_yet_labelled')).toBe('not_yet_labelled');
	});

	it('name the kinds of record in both languages', () => {
		overwriteGetLocale(() => 'fa');
		expect(auditEntityLabel('pairing')).toBe('هم‌پیمانی');
		overwriteGetLocale(() => 'en');
		expect(auditEntityLabel('school_year')).toBe('School year');
		expect(auditEntityLabel('something_new')).toBe('something_new');
	});
});
