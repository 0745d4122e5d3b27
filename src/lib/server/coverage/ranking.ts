import type { Locale } from '../../paraglide/runtime.js';
import type { SortDirection, SortKey } from './filter.ts';
import type { CoverageFigures, MeasureKey } from './measures.ts';
import type { Place } from './places.ts';

// Gaps stand out when places are ranked: rank 1 has the most of the measure sorted by (held
// sessions when sorted by name), equal values share a rank, and a blank value has none.

export interface CoverageRow extends Place {
	rank: number | null;
	figures: CoverageFigures;
}

export const RANK_MEASURE_BY_NAME: MeasureKey = 'sessionsHeld';

export function rankAndSort(
	rows: (Place & { figures: CoverageFigures })[],
	sort: SortKey,
	dir: SortDirection,
	locale: Locale
): CoverageRow[] {
	const rankBy = sort === 'name' ? RANK_MEASURE_BY_NAME : sort;
	const rankOf = new Map<number, number>();
	const values = rows
		.map((r) => r.figures[rankBy])
		.filter((v): v is number => v !== null)
		.sort((a, b) => b - a);
	values.forEach((value, i) => {
		if (!rankOf.has(value)) rankOf.set(value, i + 1);
	});

	const collator = new Intl.Collator(locale);
	const name = (r: Place) => (locale === 'fa' ? r.name_fa : r.name_en);
	const sign = dir === 'asc' ? 1 : -1;
	const byValue = (a: number | null, b: number | null) =>
		a === b ? 0 : a === null ? 1 : b === null ? -1 : sign * (a - b);
	return rows
		.map((r) => ({ ...r, rank: rankOf.get(r.figures[rankBy] as number) ?? null }))
		.sort((a, b) =>
			sort === 'name'
				? sign * collator.compare(name(a), name(b))
				: byValue(a.figures[sort], b.figures[sort]) || collator.compare(name(a), name(b))
		);
}
