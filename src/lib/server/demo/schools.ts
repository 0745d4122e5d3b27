import type { SchoolGender, SchoolLevel } from '../db/schema.ts';

// Plausible school names for the demo district: a level prefix and a namesake.
const prefixes: Record<SchoolLevel, string> = {
	primary: 'دبستان',
	lower_secondary: 'دبیرستان دورهٔ اول',
	upper_secondary: 'دبیرستان'
};

const genderWords: Record<SchoolGender, string> = { boys: 'پسرانه', girls: 'دخترانه' };

const namesakes = [
	'شهید بهشتی',
	'فردوسی',
	'سعدی',
	'حافظ',
	'پروین اعتصامی',
	'خواجه نصیر',
	'ابن‌سینا',
	'علامه طباطبایی',
	'شهید مطهری',
	'فرهنگ',
	'دانش',
	'امید',
	'نیکان',
	'مهرگان',
	'فرزانگان',
	'رازی',
	'صائب',
	'نظامی',
	'عطار',
	'مولوی',
	'کمال',
	'اندیشه',
	'سپیده',
	'بهار',
	'شهید رجایی',
	'دکتر حسابی',
	'جابر بن حیان',
	'خیام',
	'ملاصدرا',
	'بوعلی',
	'سهروردی',
	'فارابی',
	'شهریار',
	'رودکی',
	'نیما',
	'ایران‌زمین',
	'آینده‌سازان',
	'هدایت',
	'شکوفه',
	'روشنگر'
];

export const gradesOf: Record<SchoolLevel, number[]> = {
	primary: [1, 2, 3, 4, 5, 6],
	lower_secondary: [7, 8, 9],
	upper_secondary: [10, 11, 12]
};

export interface DemoSchool {
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	enrolment: { grade: number; students: number }[];
}

const levels: SchoolLevel[] = ['primary', 'lower_secondary', 'upper_secondary'];
const genders: SchoolGender[] = ['boys', 'girls'];

/** `count` schools cycling through every level and gender; `random` makes enrolments. */
export function makeDemoSchools(count: number, random: () => number): DemoSchool[] {
	return Array.from({ length: count }, (_, i) => {
		const level = levels[i % levels.length]!;
		const gender = genders[Math.floor(i / levels.length) % genders.length]!;
		return {
			name: `${prefixes[level]} ${genderWords[gender]} ${namesakes[i % namesakes.length]}`,
			level,
			gender,
			enrolment: gradesOf[level].map((grade) => ({
				grade,
				students: 30 + Math.floor(random() * 70)
			}))
		};
	});
}

/** A small seeded generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
