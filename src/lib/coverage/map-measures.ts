import { m } from '../paraglide/messages.js';

// What the coverage map can colour places by: the questions liaisons ask of a map ("where are
// the gaps?"), each one number a place that the table beside the map also shows.

export const mapMeasures = [
	'pairedShare',
	'sessionsHeld',
	'studentsReached',
	'topicsCovered'
] as const;
export type MapMeasure = (typeof mapMeasures)[number];

export const DEFAULT_MAP_MEASURE: MapMeasure = 'pairedShare';

export const mapMeasureLabel: Record<MapMeasure, () => string> = {
	pairedShare: m.map_m_paired_share,
	sessionsHeld: m.coverage_m_sessions_held,
	studentsReached: m.coverage_m_students_reached,
	topicsCovered: m.map_m_topics_covered
};

/** What each measure counts, in words, under the map. */
export const mapMeasureDefinition: Record<MapMeasure, () => string> = {
	pairedShare: m.map_d_paired_share,
	sessionsHeld: m.coverage_d_sessions_held,
	studentsReached: m.coverage_d_students_reached,
	topicsCovered: m.map_d_topics_covered
};
