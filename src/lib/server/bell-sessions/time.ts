import { parseDate, parseDateTime, toZoned } from '@internationalized/date';
import { TIME_ZONE } from '../../i18n/jalali.ts';

// A session's local date and start time as UTC instants, through the time-zone database (no fixed
// offset written by hand).

export interface SessionInstants {
	starts_at: string;
	ends_at: string;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const clockPattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** True for a real 'YYYY-MM-DD' calendar day. */
export function isIsoDate(date: string): boolean {
	if (!isoDatePattern.test(date)) return false;
	try {
		return parseDate(date).toString() === date;
	} catch {
		return false;
	}
}

export function isClockTime(time: string): boolean {
	return clockPattern.test(time);
}

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOf(time: string): number {
	const [hours, minutes] = time.split(':').map(Number) as [number, number];
	return hours * 60 + minutes;
}

export function sessionInstants(
	date: string,
	startTime: string,
	durationMinutes: number
): SessionInstants {
	const start = toZoned(parseDateTime(`${date}T${startTime}`), TIME_ZONE);
	return {
		starts_at: start.toDate().toISOString(),
		ends_at: start.add({ minutes: durationMinutes }).toDate().toISOString()
	};
}
