import { bootstrapMean, type BootstrapOptions } from './bootstrapMean';
import type { Difference } from './reportTypes';

/**
 * The mean difference a - b over problems where both have a value, with a paired bootstrap
 * interval (the same resampled problems for both), as the verdict computes it.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, options: BootstrapOptions = {}): Difference {
	if (a.length !== b.length) throw new RangeError(`pairedDifference needs values for the same problems (${a.length} vs ${b.length})`);
	const diffs = Float64Array.from({ length: a.length }, (_, j) => a[j]! - b[j]!);
	const e = bootstrapMean(diffs, options);
	return e.ci ? { delta: e.value, ci: e.ci, problems: e.problems } : { delta: e.value, problems: e.problems };
}
