import type { ProblemStats } from './builderTypes';
import type { SolvedRule } from './reportTypes';

/**
 * The headline accuracy of one (model, problem): its greedy correctness when the study has greedy
 * outputs, else its sampled pass@1 (c/n). NaN when that value does not exist.
 */
export function headlineValue(stats: ProblemStats | undefined, rule: SolvedRule): number {
	if (!stats) return NaN;
	if (rule === 'greedy') return stats.greedy;
	return stats.n > 0 ? stats.c / stats.n : NaN;
}
