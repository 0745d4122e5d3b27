import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/lib/search/normalize.ts';

const same = (a: string, b: string) => expect(normalizeForSearch(a)).toBe(normalizeForSearch(b));

describe('Persian-aware search keys', () => {
	it('match Arabic ي/ك with Persian ی/ک', () => {
		same('نيكنام', 'نیکنام');
		same('كودكان كار', 'کودکان کار');
	});

	it('match ZWNJ, a space and nothing between word parts', () => {
		same('مهارت‌های زندگی', 'مهارت های زندگی');
		same('مهارت‌های زندگی', 'مهارتهایزندگی');
	});

	it('match Persian, Arabic-Indic and Latin digits', () => {
		same('۱۳ آبان', '13 آبان');
		same('١٣ آبان', '13 ابان');
		expect(normalizeForSearch('۱۴۱۰۰۰۰۱')).toBe('14100001');
	});

	it('ignore diacritics, tatweel, alef forms and Latin case', () => {
		same('مَدرَسه', 'مدرسه');
		same('مـدرسـه', 'مدرسه');
		same('آهنگ', 'اهنگ');
		same('Dulab', 'dulab');
	});

	it('keep different words different', () => {
		expect(normalizeForSearch('دولاب')).not.toBe(normalizeForSearch('شاهین'));
	});
});
