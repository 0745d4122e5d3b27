import { toLatinDigits } from '../i18n/digits.ts';

// One key for the ways the same Persian text gets typed: Arabic ي/ى/ك for Persian ی/ک, alef
// and hamza forms, ZWNJ or a space or nothing between word parts, diacritics and tatweel,
// Persian/Arabic/Latin digits, Latin case. Stored beside names on write and applied to queries.

const letters: Record<string, string> = {
	ي: 'ی',
	ى: 'ی',
	ئ: 'ی',
	ك: 'ک',
	أ: 'ا',
	إ: 'ا',
	آ: 'ا',
	ٱ: 'ا',
	ؤ: 'و',
	ة: 'ه',
	ۀ: 'ه'
};

export function normalizeForSearch(text: string): string {
	return toLatinDigits(text.normalize('NFC'))
		.toLowerCase()
		.replace(/[\u064B-\u065F\u0670\u0640]/g, '') // diacritics, tatweel
		.replace(/[يىئكأإآٱؤةۀ]/g, (c) => letters[c] ?? c)
		.replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD]+/g, ''); // spaces, ZWNJ, bidi marks
}
