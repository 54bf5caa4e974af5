import type { ReportContext } from './builderTypes';
import type { ColumnStore } from './createColumnStore';
import type { ResolvedOptions, SolvedRule } from './reportTypes';
import type { Problem } from '../types';

/** What every aggregate of one report shares, for one owner of columns (a model part or the coordinator). */
export function reportContext(problems: readonly Problem[], plan: { ks: readonly number[]; rule: SolvedRule }, store: ColumnStore, resolved: ResolvedOptions): ReportContext {
	return {
		problems,
		ks: plan.ks,
		rule: plan.rule,
		store,
		intervals: resolved.bootstrap > 0,
		confidence: resolved.confidence,
		verdictSubset: resolved.verdictDiversitySubset,
		forgettingRatio: resolved.forgettingRatio,
		minEffect: resolved.minEffect
	};
}
