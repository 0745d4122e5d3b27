import { schoolGenders, schoolLevels } from '../../schools/levels.ts';
import { searchTextFrom } from '../list-params.ts';
import type { SchoolListFilter } from './repository.ts';

// The list's filters as the address carries them; the page and its exports read them alike.

function idFrom(value: string | null): number | undefined {
	const id = Number(value);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function schoolFilterFrom(
	url: URL
): Required<Pick<SchoolListFilter, 'query'>> & SchoolListFilter {
	const params = url.searchParams;
	return {
		query: searchTextFrom(url),
		areaId: idFrom(params.get('area')),
		neighborhoodId: idFrom(params.get('neighborhood')),
		level: schoolLevels.find((l) => l === params.get('level')),
		gender: schoolGenders.find((g) => g === params.get('gender'))
	};
}

/** The filter as query parameters, for the export links. */
export function schoolFilterParams(filter: SchoolListFilter): string {
	const params = new URLSearchParams();
	if (filter.query) params.set('q', filter.query);
	if (filter.areaId) params.set('area', String(filter.areaId));
	if (filter.neighborhoodId) params.set('neighborhood', String(filter.neighborhoodId));
	if (filter.level) params.set('level', filter.level);
	if (filter.gender) params.set('gender', filter.gender);
	const text = params.toString();
	return text ? `?${text}` : '';
}
