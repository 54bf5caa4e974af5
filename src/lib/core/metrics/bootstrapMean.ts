import { bootstrapWeights } from './bootstrapWeights';
import { createColumnStore } from './createColumnStore';
import type { Estimate } from './reportTypes';

export interface BootstrapOptions {
	/** Resamples; default 2000. */
	replicates?: number;
	seed?: number;
	/** Default 0.95. */
	confidence?: number;
}

/**
 * The mean of per-problem values with its problem-level percentile bootstrap interval, by the same
 * machinery as the report (NaN values are left out, in the mean and in every resample). Undefined
 * value for no data.
 */
export function bootstrapMean(values: ArrayLike<number>, options: BootstrapOptions = {}): Estimate {
	const { replicates = 2000, seed = 0, confidence = 0.95 } = options;
	const weights = replicates > 0 ? bootstrapWeights(replicates, values.length, seed) : undefined;
	return createColumnStore(values.length, weights, confidence).column('', '', (j) => values[j]!).estimate;
}
