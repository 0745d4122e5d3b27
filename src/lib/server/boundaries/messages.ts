import { formatNumber } from '../../i18n/format.ts';
import { m } from '../../paraglide/messages.js';
import type { BoundaryLevel } from '../db/schema.ts';
import {
	MAX_BOUNDARY_BYTES,
	MAX_FEATURES,
	type FeatureProblem,
	type FeatureProblemKind,
	type FileProblem
} from './read-file.ts';

// Why a boundary file was refused, in the reader's language.

export const maxMegabytes = MAX_BOUNDARY_BYTES / (1024 * 1024);

export const levelLabel: Record<BoundaryLevel, () => string> = {
	neighborhood: m.boundaries_level_neighborhood,
	area: m.boundaries_level_area
};

export function fileProblemMessage(problem: FileProblem): string {
	switch (problem) {
		case 'empty':
			return m.boundaries_p_empty();
		case 'too_large':
			return m.boundaries_p_too_large({ size: formatNumber(maxMegabytes) });
		case 'not_json':
			return m.boundaries_p_not_json();
		case 'not_collection':
			return m.boundaries_p_not_collection();
		case 'no_features':
			return m.boundaries_p_no_features();
		case 'too_many_features':
			return m.boundaries_p_too_many_features({ max: formatNumber(MAX_FEATURES) });
	}
}

const featureProblems: Record<FeatureProblemKind, (level: string) => string> = {
	geometry_type: () => m.boundaries_f_geometry_type(),
	coordinates: () => m.boundaries_f_coordinates(),
	ring_open: () => m.boundaries_f_ring_open(),
	ring_short: () => m.boundaries_f_ring_short(),
	self_crossing: () => m.boundaries_f_self_crossing(),
	no_name: () => m.boundaries_f_no_name(),
	unknown_place: (level) => m.boundaries_f_unknown_place({ level }),
	duplicate_place: () => m.boundaries_f_duplicate_place()
};

/** «عارضهٔ ۳ («دولاب»)» and what is wrong with it. */
export function featureProblemMessage(
	problem: FeatureProblem,
	level: BoundaryLevel
): { feature: string; problem: string } {
	const feature = formatNumber(problem.feature);
	return {
		feature: problem.name
			? m.boundaries_feature_named({ feature, name: problem.name })
			: m.boundaries_feature({ feature }),
		problem: featureProblems[problem.problem](levelLabel[level]())
	};
}
