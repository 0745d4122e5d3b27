import { normalizeForSearch } from './normalize.ts';

// What each searchable record is found by; written into its name_search column on every write.

export function neighborhoodSearchKey(n: { name_fa: string; name_en: string }): string {
	return normalizeForSearch(`${n.name_fa} ${n.name_en}`);
}

export function centerSearchKey(c: { name: string }): string {
	return normalizeForSearch(c.name);
}

export function schoolSearchKey(s: { name: string; ministry_code: string }): string {
	return normalizeForSearch(`${s.name} ${s.ministry_code}`);
}

export function facilitatorSearchKey(f: { name: string }): string {
	return normalizeForSearch(f.name);
}
