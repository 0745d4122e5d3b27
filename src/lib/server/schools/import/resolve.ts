import type { DB } from '../../db/connect.ts';
import type { SchoolGender, SchoolLevel } from '../../db/schema.ts';
import { m } from '../../../paraglide/messages.js';
import { schoolGenders, schoolLevels } from '../../../schools/levels.ts';
import { normalizeForSearch } from '../../../search/normalize.ts';
import { findNeighborhoodsInDistricts } from '../places.ts';

// Words in a file to the codes they stand for: levels and genders by code or by their label in
// either language, neighbourhoods by either name, all compared Persian-aware.

type Lookup<T> = Map<string, T[]>;

function add<T>(lookup: Lookup<T>, name: string, value: T) {
	const key = normalizeForSearch(name);
	const found = lookup.get(key) ?? [];
	if (!found.includes(value)) found.push(value);
	lookup.set(key, found);
}

const levelLabels: Record<SchoolLevel, (locale: 'fa' | 'en') => string> = {
	primary: (locale) => m.school_level_primary({}, { locale }),
	lower_secondary: (locale) => m.school_level_lower_secondary({}, { locale }),
	upper_secondary: (locale) => m.school_level_upper_secondary({}, { locale })
};

const genderLabels: Record<SchoolGender, (locale: 'fa' | 'en') => string> = {
	boys: (locale) => m.school_gender_boys({}, { locale }),
	girls: (locale) => m.school_gender_girls({}, { locale })
};

function codeLookup<T extends string>(
	codes: readonly T[],
	label: Record<T, (l: 'fa' | 'en') => string>
) {
	const lookup: Lookup<T> = new Map();
	for (const code of codes)
		for (const name of [code, label[code]('fa'), label[code]('en')]) add(lookup, name, code);
	return lookup;
}

export type Resolved<T> =
	{ ok: true; value: T } | { ok: false; error: 'blank' | 'unknown' | 'ambiguous' };

function resolve<T>(lookup: Lookup<T>, text: string): Resolved<T> {
	if (text.trim() === '') return { ok: false, error: 'blank' };
	const found = lookup.get(normalizeForSearch(text)) ?? [];
	if (found.length > 1) return { ok: false, error: 'ambiguous' };
	return found.length ? { ok: true, value: found[0]! } : { ok: false, error: 'unknown' };
}

export interface Resolvers {
	level: (text: string) => Resolved<SchoolLevel>;
	gender: (text: string) => Resolved<SchoolGender>;
	neighborhood: (text: string) => Resolved<number>;
}

export async function makeResolvers(db: DB, districtIds: number[]): Promise<Resolvers> {
	const neighborhoods: Lookup<number> = new Map();
	for (const n of await findNeighborhoodsInDistricts(db, districtIds)) {
		add(neighborhoods, n.name_fa, n.id);
		add(neighborhoods, n.name_en, n.id);
	}
	const levels = codeLookup(schoolLevels, levelLabels);
	const genders = codeLookup(schoolGenders, genderLabels);
	return {
		level: (text) => resolve(levels, text),
		gender: (text) => resolve(genders, text),
		neighborhood: (text) => resolve(neighborhoods, text)
	};
}
