import { describe, expect, it } from 'vitest';
import { runCrashRounds } from '../../../scripts/crash/rounds.ts';

// The short variant of `npm run test:crash` (50 rounds): a writer killed with SIGKILL loses no
// acknowledged write and leaves a sound database.

describe('crash safety', () => {
	it('keeps every acknowledged write through SIGKILLs', { timeout: 30_000 }, async () => {
		const results = await runCrashRounds(3);
		const moments = `killed ${results.map((r) => r.killedAfterMs).join(', ')} ms after the first write`;
		expect(
			results.map((r) => r.problems),
			moments
		).toEqual([[], [], []]);
		expect(results.reduce((sum, r) => sum + r.acknowledged, 0)).toBeGreaterThan(0);
	});
});
