import { describe, expect, it } from 'vitest';
import { isIsoDate, sessionInstants } from '../../../src/lib/server/bell-sessions/time.ts';
import { gradesText } from '../../../src/lib/server/bell-sessions/rules.ts';

describe('session times', () => {
	it('turn Tehran local time into UTC instants', () => {
		expect(sessionInstants('2026-12-01', '08:00', 60)).toEqual({
			starts_at: '2026-12-01T04:30:00.000Z',
			ends_at: '2026-12-01T05:30:00.000Z'
		});
		// Summer too: Iran no longer moves its clocks.
		expect(sessionInstants('2027-06-20', '12:45', 90)).toEqual({
			starts_at: '2027-06-20T09:15:00.000Z',
			ends_at: '2027-06-20T10:45:00.000Z'
		});
	});

	it('accept only real calendar days', () => {
		expect(isIsoDate('2026-12-01')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('1405/09/10')).toBe(false);
	});

	it('store grades sorted and without repeats, only for students', () => {
		expect(gradesText('students', [9, 7, 8, 7])).toBe('7,8,9');
		expect(gradesText('students', [10, 9])).toBe('9,10');
		expect(gradesText('parents', [7])).toBeNull();
	});
});
