import type { NeighborhoodPairing } from './repository.ts';

export interface AreaGroup {
	area: NeighborhoodPairing['area'];
	rows: NeighborhoodPairing[];
}

/** Rows by area (in area order), each area's neighbourhoods by name in the page's language. */
export function groupByArea(rows: NeighborhoodPairing[], locale: 'fa' | 'en'): AreaGroup[] {
	const collator = new Intl.Collator(locale);
	const nameOf = (row: NeighborhoodPairing) =>
		locale === 'fa' ? row.neighborhood.name_fa : row.neighborhood.name_en;
	const groups = new Map<number, AreaGroup>();
	for (const row of rows) {
		const group = groups.get(row.area.id) ?? { area: row.area, rows: [] };
		group.rows.push(row);
		groups.set(row.area.id, group);
	}
	return [...groups.values()].map((g) => ({
		...g,
		rows: [...g.rows].sort((a, b) => collator.compare(nameOf(a), nameOf(b)))
	}));
}
