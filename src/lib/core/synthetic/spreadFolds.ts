import { mulberry32 } from '../random';
import type { Sample } from '../types';

/** A study's samples split into the ones a live report starts from and `folds` later sets of `size`. */
export interface SpreadFolds {
	rest: Sample[];
	late: Sample[][];
}

/**
 * Issue 14's incremental case: `folds` sets of `size` samples drawn at random over the whole study
 * (so spread over every model and problem), the rest in their original order. The same seed gives
 * the same sets, so Node's and the page's benchmarks fold the same samples.
 */
export function spreadFolds(samples: readonly Sample[], folds: number, size = 1000, seed = 7): SpreadFolds {
	if (!(folds * size <= samples.length)) throw new RangeError(`spreadFolds: ${folds} x ${size} samples asked of ${samples.length}`);
	const random = mulberry32(seed);
	const setOf = new Map<number, number>();
	for (let k = 0; k < folds; k++) {
		for (let c = 0; c < size; ) {
			const i = Math.floor(random() * samples.length);
			if (setOf.has(i)) continue;
			setOf.set(i, k);
			c++;
		}
	}
	const rest: Sample[] = [];
	const late: Sample[][] = Array.from({ length: folds }, () => []);
	samples.forEach((s, i) => {
		const k = setOf.get(i);
		(k === undefined ? rest : late[k]!).push(s);
	});
	return { rest, late };
}
