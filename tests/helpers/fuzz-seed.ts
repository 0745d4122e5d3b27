import fc from 'fast-check';

// Every fast-check property in the suites draws from one seed per run: FUZZ_SEED=<seed> replays
// a run exactly (on the same data); without it a fresh seed is drawn. The seed is printed when
// the run starts and again with every failure, so that any failure can be replayed.

function drawSeed(): number {
	const asked = process.env.FUZZ_SEED;
	if (asked !== undefined && asked !== '') {
		const seed = Number(asked);
		if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${asked}`);
		return seed | 0;
	}
	return (Math.random() * 0x1_0000_0000) | 0;
}

export const fuzzSeed = drawSeed();

/** What a failure says, so that the run can be replayed. */
export const replayHint = `fast-check seed ${fuzzSeed}: replay with FUZZ_SEED=${fuzzSeed}`;

/**
 * The seed of one property, drawn from the run's seed and the property's label (an action, a
 * role): properties differ from each other, and each replays whatever runs before it.
 */
export function seedFor(label: string): number {
	let hash = fuzzSeed;
	for (const char of label) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x5bd1e995);
	return hash | 0;
}

/** Makes every fc.assert of this process use the run's seed, and says which it is. */
export function useFuzzSeed(): number {
	fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fuzzSeed });
	console.log(replayHint);
	return fuzzSeed;
}
