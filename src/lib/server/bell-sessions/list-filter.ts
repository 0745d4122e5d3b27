import { parseJalaliDate } from '../../i18n/jalali.ts';
import { bellSessionStatuses } from '../../bell-sessions/values.ts';
import type { BellSessionStatus } from '../db/schema.ts';
import type { BellSessionFilter } from './repository.ts';

// The sessions list's filters as the address carries them. Dates are typed in Jalali (Persian or
// Latin digits) and kept as typed, so the form shows them back; nonsense is ignored.

export interface SessionListQuery {
	status?: BellSessionStatus;
	district?: number;
	area?: number;
	neighborhood?: number;
	school?: number;
	topic?: number;
	facilitator?: number;
	/** As typed, e.g. '۱۴۰۵/۰۹/۰۱'. */
	from: string;
	to: string;
	/** Only sessions whose attendance is overdue. */
	overdue: boolean;
}

function idFrom(value: string | null): number | undefined {
	const id = Number(value);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function dateFrom(text: string): string | undefined {
	const date = parseJalaliDate(text);
	return date.ok ? date.date : undefined;
}

export function sessionListQueryFrom(url: URL): SessionListQuery {
	const params = url.searchParams;
	return {
		status: bellSessionStatuses.find((s) => s === params.get('status')),
		district: idFrom(params.get('district')),
		area: idFrom(params.get('area')),
		neighborhood: idFrom(params.get('neighborhood')),
		school: idFrom(params.get('school')),
		topic: idFrom(params.get('topic')),
		facilitator: idFrom(params.get('facilitator')),
		from: (params.get('from') ?? '').trim().slice(0, 20),
		to: (params.get('to') ?? '').trim().slice(0, 20),
		overdue: params.get('overdue') === '1'
	};
}

export function bellSessionFilterOf(query: SessionListQuery, now = new Date()): BellSessionFilter {
	return {
		statuses: query.status ? [query.status] : undefined,
		districtId: query.district,
		areaId: query.area,
		neighborhoodId: query.neighborhood,
		schoolId: query.school,
		topicId: query.topic,
		facilitatorId: query.facilitator,
		from: dateFrom(query.from),
		to: dateFrom(query.to),
		overdueAt: query.overdue ? now.toISOString() : undefined
	};
}
