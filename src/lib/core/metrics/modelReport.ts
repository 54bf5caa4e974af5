import type { ModelRef, Split } from '../types';
import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import type { ColumnResult } from './createColumnStore';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { percentileInterval } from './percentileInterval';
import type { AccuracyBlock, CurvePoint, DiversitySubset, DiversityValues, Estimate, GroupDisparity, LevelAccuracy, ModelReport } from './reportTypes';

type Stats = readonly (ProblemStats | undefined)[];

function curve(ks: readonly number[], estimates: readonly Estimate[], stats: Stats, inSubset: (j: number) => boolean): CurvePoint[] {
	return ks.map((k, i) => {
		const e = estimates[i] ?? { value: undefined, problems: 0 };
		let excluded = 0;
		stats.forEach((s, j) => {
			if (s && s.n >= 1 && s.n < k && inSubset(j)) excluded++;
		});
		return e.ci ? { k, value: e.value, ci: e.ci, problems: e.problems, excluded } : { k, value: e.value, problems: e.problems, excluded };
	});
}

/** Greedy pass@1, sampled pass@1, pass@k and maj@k over the problems `inSubset` keeps. */
function accuracyBlock(ctx: ReportContext, scope: string, key: string, stats: Stats, inSubset: (j: number) => boolean, dirty: ReadonlySet<number> | undefined): AccuracyBlock {
	const col = (name: string, f: (s: ProblemStats) => number): Estimate =>
		ctx.store.column(scope, `${key}|${name}`, (j) => {
			const s = stats[j];
			return s && inSubset(j) ? f(s) : NaN;
		}, dirty).estimate;
	return {
		pass1Greedy: col('greedy', (s) => s.greedy),
		pass1Sampled: col('sampled', (s) => (s.n > 0 ? s.c / s.n : NaN)),
		passAtK: curve(ctx.ks, ctx.ks.map((k, i) => col(`pass@${k}`, (s) => s.passAtK[i]!)), stats, inSubset),
		majAtK: curve(ctx.ks, ctx.ks.map((k, i) => col(`maj@${k}`, (s) => s.majAtK[i]!)), stats, inSubset)
	};
}

function byLevel(ctx: ReportContext, key: string, stats: Stats, dirty: ReadonlySet<number> | undefined): { levels: LevelAccuracy[]; disparity: GroupDisparity } {
	const levels = [...new Set(ctx.problems.flatMap((p) => (p.level === undefined ? [] : [p.level])))].sort((a, b) => a - b);
	const results: ColumnResult[] = levels.map((level) =>
		ctx.store.column(key, `level:${level}`, (j) => (ctx.problems[j]?.level === level ? headlineValue(stats[j], ctx.rule) : NaN), dirty)
	);
	const accuracies: LevelAccuracy[] = levels.map((level, i) => ({ level, accuracy: results[i]!.estimate }));
	const measured = levels.map((_, i) => i).filter((i) => results[i]?.estimate.value !== undefined);
	const first = measured[0];
	const last = measured[measured.length - 1];
	if (first === undefined || last === undefined || first === last) return { levels: accuracies, disparity: { value: undefined } };
	const easy = results[first]!;
	const hard = results[last]!;
	const value = groupDisparity(easy.estimate.value, hard.estimate.value);
	const disparity: GroupDisparity = { value, easiestLevel: levels[first], hardestLevel: levels[last] };
	if (value !== undefined && easy.means && hard.means) {
		const gd = easy.means.map((e, b) => groupDisparity(e === e ? e : undefined, hard.means![b]! === hard.means![b]! ? hard.means![b] : undefined) ?? NaN);
		const ci = percentileInterval(gd, ctx.confidence);
		if (ci) disparity.ci = ci;
	}
	return { levels: accuracies, disparity };
}

/**
 * Everything about one model on its own (its sets and verdict need the reference: compareModels).
 * `dirty` lists the problems whose statistics changed since the last call (undefined: all).
 */
export function modelReport(ctx: ReportContext, model: ModelRef, stats: Stats, dirty?: ReadonlySet<number>): ModelReport {
	const key = model.id;
	const all = (): boolean => true;
	const col = (name: string, f: (s: ProblemStats) => number): Estimate =>
		ctx.store.column(key, name, (j) => {
			const s = stats[j];
			return s ? f(s) : NaN;
		}, dirty).estimate;

	const bySplit: Partial<Record<Split, AccuracyBlock>> = {};
	for (const split of ['in-domain', 'ood'] as const) {
		if (ctx.problems.some((p) => p.split === split)) bySplit[split] = accuracyBlock(ctx, key, `split:${split}`, stats, (j) => ctx.problems[j]?.split === split, dirty);
	}
	const diversity = {} as Record<DiversitySubset, DiversityValues>;
	DIVERSITY_SUBSETS.forEach((subset, g) => {
		const at = g * DIVERSITY_METRICS;
		let skipped = 0;
		for (const s of stats) if (s && s.n > 0 && s.skipped[g]) skipped++;
		diversity[subset] = {
			distinctN: col(`distinct:${subset}`, (s) => s.diversity[at]!),
			ead: col(`ead:${subset}`, (s) => s.diversity[at + 1]!),
			semantic: col(`semantic:${subset}`, (s) => s.diversity[at + 2]!),
			equations: col(`equations:${subset}`, (s) => s.diversity[at + 3]!),
			skipped
		};
	});

	let problems = 0;
	let min = Infinity;
	let max = 0;
	for (const s of stats) {
		if (!s || (s.n === 0 && s.greedy !== s.greedy)) continue;
		problems++;
		if (s.n > 0) {
			min = Math.min(min, s.n);
			max = Math.max(max, s.n);
		}
	}
	const accuracy = accuracyBlock(ctx, key, 'all', stats, all, dirty);
	const levels = byLevel(ctx, key, stats, dirty);
	return {
		model: model.id,
		label: model.label,
		order: model.order,
		problems,
		samplesPerProblem: { min: max > 0 ? min : 0, max },
		accuracy,
		bySplit,
		byLevel: levels.levels,
		groupDisparity: levels.disparity,
		coverage: accuracy.pass1Sampled,
		diversity,
		answerDiversity: { distinctRatio: col('answers:distinct', (s) => s.answerDistinct), entropy: col('answers:entropy', (s) => s.answerEntropy) }
	};
}
