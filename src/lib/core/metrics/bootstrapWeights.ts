import { mulberry32 } from '../random';
import { createSumKernel, type SumKernel } from './sumKernel';

/**
 * A problem-level bootstrap drawn once for a whole report: replicate b resamples the study's P
 * problems with replacement, and counts[j * stride + b] is how often problem j was drawn in it.
 * Every statistic of the report is resampled with these same counts, so the same data and seed
 * always give the same intervals, and a difference of two models is a paired bootstrap.
 */
export type BootstrapWeights = SumKernel;

export function bootstrapWeights(replicates: number, problems: number, seed: number, options: { wasm?: boolean } = {}): BootstrapWeights {
	if (!Number.isInteger(replicates) || replicates < 0) throw new RangeError(`bootstrap replicates must be a non-negative integer, got ${replicates}`);
	if (!Number.isInteger(problems) || problems < 0 || problems > 1_000_000) throw new RangeError(`bootstrapWeights: unsupported number of problems ${problems}`);
	const weights = createSumKernel(replicates, problems, options);
	const { counts, stride } = weights;
	const random = mulberry32(seed);
	for (let b = 0; b < replicates; b++) {
		for (let i = 0; i < problems; i++) counts[Math.floor(random() * problems) * stride + b]!++;
	}
	return weights;
}
