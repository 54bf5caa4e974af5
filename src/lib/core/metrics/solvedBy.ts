import type { ProblemStats } from './builderTypes';

/**
 * Whether a model solved a problem, for the improvement and regression sets: its greedy output is
 * correct; without a greedy output, its maj@n is at least 0.5 (the majority answer is correct, or a
 * two-way tie includes it). Undefined without any output.
 */
export function solvedBy(stats: ProblemStats | undefined): boolean | undefined {
	if (!stats) return undefined;
	if (stats.greedy === stats.greedy) return stats.greedy === 1;
	if (stats.n > 0) return stats.majAtN >= 0.5;
	return undefined;
}
