import type { ModelRef, Split } from '../types';
import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import type { ColumnResult } from './createColumnStore';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { METRICS } from './metricRegistry';
import { percentileInterval } from './percentileInterval';
import type { AccuracyBlock, CurvePoint, DiversitySubset, DiversityValues, Estimate, GroupDisparity, LevelAccuracy, MeasurePoint, ModelReport } from './reportTypes';

type Stats = readonly (ProblemStats | undefined)[];

/** Per k, the problems of the subset sampled fewer than k times (but at least once): a curve leaves them out there. */
function excludedAt(ks: readonly number[], stats: Stats, inSubset: (j: number) => boolean): number[] {
	const excluded = ks.map(() => 0);
	stats.forEach((s, j) => {
		if (!s || s.n < 1 || !inSubset(j)) return;
		ks.forEach((k, i) => {
			if (s.n < k) excluded[i]!++;
		});
	});
	return excluded;
}

function curve(ks: readonly number[], estimates: readonly Estimate[], excluded: readonly number[]): CurvePoint[] {
	return ks.map((k, i) => {
		const e = estimates[i] ?? { value: undefined, problems: 0 };
		return e.ci ? { k, value: e.value, ci: e.ci, problems: e.problems, excluded: excluded[i]! } : { k, value: e.value, problems: e.problems, excluded: excluded[i]! };
	});
}

const ACCURACY_COLUMNS = (ks: readonly number[]): [string, (s: ProblemStats) => number][] => [
	['greedy', (s) => s.greedy],
	['sampled', (s) => (s.n > 0 ? s.c / s.n : NaN)],
	...ks.map((k, i): [string, (s: ProblemStats) => number] => [`pass@${k}`, (s) => s.passAtK[i]!]),
	...ks.map((k, i): [string, (s: ProblemStats) => number] => [`maj@${k}`, (s) => s.majAtK[i]!])
];

function accuracyBlock(ctx: ReportContext, stats: Stats, results: ReadonlyMap<string, Estimate>, inSubset: (j: number) => boolean): AccuracyBlock {
	const get = (name: string): Estimate => results.get(name) ?? { value: undefined, problems: 0 };
	const excluded = excludedAt(ctx.ks, stats, inSubset);
	return {
		pass1Greedy: get('greedy'),
		pass1Sampled: get('sampled'),
		passAtK: curve(ctx.ks, ctx.ks.map((k) => get(`pass@${k}`)), excluded),
		majAtK: curve(ctx.ks, ctx.ks.map((k) => get(`maj@${k}`)), excluded)
	};
}

/**
 * The accuracy block of every split and of all problems. Every problem is in exactly one split, so
 * the all-problems columns are unions of the split columns and cost no resampling of their own.
 */
function accuracyBlocks(ctx: ReportContext, key: string, stats: Stats, dirty: ReadonlySet<number> | undefined): { all: AccuracyBlock; bySplit: Partial<Record<Split, AccuracyBlock>> } {
	const columns = ACCURACY_COLUMNS(ctx.ks);
	const bySplit: Partial<Record<Split, AccuracyBlock>> = {};
	const splits = (['in-domain', 'ood'] as const).filter((split) => ctx.problems.some((p) => p.split === split));
	for (const split of splits) {
		const inSplit = (j: number): boolean => ctx.problems[j]?.split === split;
		const results = new Map(
			columns.map(([name, f]) => [
				name,
				ctx.store.column(key, `split:${split}|${name}`, (j) => {
					const s = stats[j];
					return s && inSplit(j) ? f(s) : NaN;
				}, dirty).estimate
			])
		);
		bySplit[split] = accuracyBlock(ctx, stats, results, inSplit);
	}
	const all = new Map(columns.map(([name]) => [name, ctx.store.union(key, `all|${name}`, splits.map((split) => `split:${split}|${name}`)).estimate]));
	return { all: accuracyBlock(ctx, stats, all, () => true), bySplit };
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
	const col = (name: string, f: (s: ProblemStats) => number): Estimate =>
		ctx.store.column(key, name, (j) => {
			const s = stats[j];
			return s ? f(s) : NaN;
		}, dirty).estimate;

	const { all: accuracy, bySplit } = accuracyBlocks(ctx, key, stats, dirty);
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
	const levels = byLevel(ctx, key, stats, dirty);
	// The registry's per-problem measures: each point is a column with its bootstrap interval.
	const measures: Record<string, MeasurePoint[]> = {};
	for (const metric of METRICS) {
		const pp = metric.perProblem;
		if (!pp) continue;
		measures[metric.id] = pp.grid(ctx.ks).map((at) => {
			const e = col(`measure:${metric.id}@${at}`, (s) => pp.value(s, at) ?? NaN);
			return e.ci ? { at, value: e.value, ci: e.ci, problems: e.problems } : { at, value: e.value, problems: e.problems };
		});
	}
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
		answerDiversity: { distinctRatio: col('answers:distinct', (s) => s.answerDistinct), entropy: col('answers:entropy', (s) => s.answerEntropy) },
		successRates: stats.map((s) => (s && s.n > 0 ? s.c / s.n : null)),
		measures
	};
}
