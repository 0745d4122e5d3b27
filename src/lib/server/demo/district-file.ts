import { readFileSync } from 'node:fs';

// The demo district, from the copy of ../shared/data/district14.json kept beside this file.
interface DistrictFile {
	district: {
		name_fa: string;
		name_en: string;
		city_fa: string;
		city_en: string;
		timezone: string;
	};
	areas: { no: number; name_fa: string; name_en: string }[];
	neighborhoods: { name_fa: string; name_en: string }[];
	topics: { code: string; name_fa: string; name_en: string }[];
}

export function readDistrictFile(): DistrictFile {
	return JSON.parse(readFileSync(new URL('./district14.json', import.meta.url), 'utf8'));
}
