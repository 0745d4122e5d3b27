import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { recordIdOf } from '../../../src/lib/server/directory/record-id.ts';

// Each record has one address: /sessions/12, never /sessions/012 or /sessions/0x0c.

function statusOf(segment: string | undefined): number | 'ok' {
	try {
		recordIdOf(segment);
		return 'ok';
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.status;
		throw thrown;
	}
}

describe('a record id in an address', () => {
	it('is a positive integer written plainly', () => {
		expect(recordIdOf('12')).toBe(12);
		expect(recordIdOf('1')).toBe(1);
		expect(recordIdOf(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
	});

	it('is not found written any other way', () => {
		for (const segment of [
			undefined,
			'',
			'0',
			'-1',
			'012',
			'0x0c',
			'1e1',
			'12.0',
			' 12',
			'12 ',
			'+12',
			'۱۲',
			'12abc',
			String(Number.MAX_SAFE_INTEGER + 2),
			'9'.repeat(400)
		])
			expect(statusOf(segment), JSON.stringify(segment)).toBe(404);
	});
});
