import type { MapMeasure } from '../../../coverage/map-measures.ts';

// The map's colours: four steps of the viridis scale, light to dark, so that the order reads the
// same to colour-blind readers and on a black-and-white printout; a place with none of the
// measure (a gap) is white with hatching, and one the measure does not apply to, grey.

/** Viridis at 0, 1/3, 2/3 and 1, from least to most. */
export const STEP_COLOURS = ['#fde725', '#35b779', '#31688e', '#440154'] as const;
/** Text on each step, with a contrast of at least 4.5:1. */
export const STEP_TEXT = ['#000000', '#000000', '#ffffff', '#ffffff'] as const;

export type MapClass = { kind: 'step'; step: number } | { kind: 'gap' } | { kind: 'none' };

export interface MapScale {
	/** The highest value of each step, from the first; fewer than four when values are few. */
	tops: number[];
	classOf(value: number | null): MapClass;
}

const SHARE_TOPS = [25, 50, 75, 100];

/** Steps over the values shown: shares by quarters, counts in four equal parts of the largest. */
export function mapScale(measure: MapMeasure, values: (number | null)[]): MapScale {
	const max = Math.max(0, ...values.filter((v): v is number => v !== null));
	const tops =
		measure === 'pairedShare'
			? SHARE_TOPS
			: [...new Set([1, 2, 3, 4].map((i) => Math.ceil((max * i) / 4)).filter((t) => t > 0))];
	return {
		tops,
		classOf(value) {
			if (value === null) return { kind: 'none' };
			if (value <= 0) return { kind: 'gap' };
			const found = tops.findIndex((top) => value <= top);
			return { kind: 'step', step: found === -1 ? tops.length - 1 : found };
		}
	};
}

/** The colour index of a step: spread over the four colours when there are fewer steps. */
export function colourIndex(step: number, steps: number): number {
	return steps <= 1
		? STEP_COLOURS.length - 1
		: Math.round((step * (STEP_COLOURS.length - 1)) / (steps - 1));
}
