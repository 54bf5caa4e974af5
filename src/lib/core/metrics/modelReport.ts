import type { ModelRef, Problem, Split } from '../types';
import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import { columnMatrix } from './columnMatrix';
import { estimateColumns } from './estimateColumns';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { percentileInterval } from './percentileInterval';
import type { AccuracyBlock, CurvePoint, DiversitySubset, DiversityValues, Estimate, GroupDisparity, LevelAccuracy, ModelReport } from './reportTypes';

interface Row {
	problem: Problem;
	stats: ProblemStats;
}

function accuracyColumns(ks: readonly number[]): ((row: Row) => number)[] {
	return [
		(r) => r.stats.greedy,
		(r) => (r.stats.n > 0 ? r.stats.c / r.stats.n : NaN),
		...ks.map((_, i) => (r: Row) => r.stats.passAtK[i]!),
		...ks.map((_, i) => (r: Row) => r.stats.majAtK[i]!)
	];
}

function curve(ks: readonly number[], estimates: readonly Estimate[], rows: readonly Row[]): CurvePoint[] {
	return ks.map((k, i) => {
		const e = estimates[i] ?? { value: undefined, problems: 0 };
		let excluded = 0;
		for (const r of rows) if (r.stats.n >= 1 && r.stats.n < k) excluded++;
		return e.ci ? { k, value: e.value, ci: e.ci, problems: e.problems, excluded } : { k, value: e.value, problems: e.problems, excluded };
	});
}

function accuracyBlock(ks: readonly number[], estimates: readonly Estimate[], rows: readonly Row[]): AccuracyBlock {
	const K = ks.length;
	return {
		pass1Greedy: estimates[0]!,
		pass1Sampled: estimates[1]!,
		passAtK: curve(ks, estimates.slice(2, 2 + K), rows),
		majAtK: curve(ks, estimates.slice(2 + K, 2 + 2 * K), rows)
	};
}

function levelsOf(ctx: ReportContext): number[] {
	const levels = new Set<number>();
	for (const p of ctx.problems) if (p.level !== undefined) levels.add(p.level);
	return [...levels].sort((a, b) => a - b);
}

function byLevel(ctx: ReportContext, rows: readonly Row[]): { levels: LevelAccuracy[]; disparity: GroupDisparity } {
	const levels = levelsOf(ctx);
	const levelRows = rows.filter((r) => r.problem.level !== undefined);
	const columns = levels.map((level) => (r: Row) => (r.problem.level === level ? headlineValue(r.stats, ctx.rule) : NaN));
	const { estimates, replicates } = estimateColumns(columnMatrix(levelRows, columns), levelRows.length, levels.length, ctx.draws, ctx.confidence);
	const accuracies: LevelAccuracy[] = levels.map((level, i) => ({ level, accuracy: estimates[i]! }));
	const measured = levels.map((_, i) => i).filter((i) => estimates[i]?.value !== undefined);
	const first = measured[0];
	const last = measured[measured.length - 1];
	if (first === undefined || last === undefined || first === last) return { levels: accuracies, disparity: { value: undefined } };
	const value = groupDisparity(estimates[first]?.value, estimates[last]?.value);
	const disparity: GroupDisparity = { value, easiestLevel: levels[first], hardestLevel: levels[last] };
	if (replicates && value !== undefined && ctx.draws) {
		const B = ctx.draws.replicates;
		const gd = new Float64Array(B);
		for (let b = 0; b < B; b++) gd[b] = groupDisparity(replicates[first * B + b], replicates[last * B + b]) ?? NaN;
		const ci = percentileInterval(gd, ctx.confidence);
		if (ci) disparity.ci = ci;
	}
	return { levels: accuracies, disparity };
}

/** Everything about one model on its own (sets and verdict, which need the reference, come apart). */
export function modelReport(ctx: ReportContext, model: ModelRef, stats: readonly (ProblemStats | undefined)[]): ModelReport {
	const rows: Row[] = [];
	ctx.problems.forEach((problem, i) => {
		const s = stats[i];
		if (s && (s.n > 0 || s.greedy === s.greedy)) rows.push({ problem, stats: s });
	});
	const K = ctx.ks.length;
	const accCols = accuracyColumns(ctx.ks);
	const extra: ((r: Row) => number)[] = [(r) => r.stats.answerDistinct, (r) => r.stats.answerEntropy];
	for (let d = 0; d < 3 * DIVERSITY_METRICS; d++) extra.push((r) => r.stats.diversity[d]!);
	const all = estimateColumns(columnMatrix(rows, [...accCols, ...extra]), rows.length, accCols.length + extra.length, ctx.draws, ctx.confidence).estimates;
	const at = 2 + 2 * K;

	const bySplit: Partial<Record<Split, AccuracyBlock>> = {};
	for (const split of ['in-domain', 'ood'] as const) {
		if (!ctx.problems.some((p) => p.split === split)) continue;
		const splitRows = rows.filter((r) => r.problem.split === split);
		const est = estimateColumns(columnMatrix(splitRows, accCols), splitRows.length, accCols.length, ctx.draws, ctx.confidence).estimates;
		bySplit[split] = accuracyBlock(ctx.ks, est, splitRows);
	}

	const diversity = {} as Record<DiversitySubset, DiversityValues>;
	DIVERSITY_SUBSETS.forEach((subset, g) => {
		const base = at + 2 + g * DIVERSITY_METRICS;
		let skipped = 0;
		for (const r of rows) if (r.stats.n > 0 && r.stats.skipped[g]) skipped++;
		diversity[subset] = { distinctN: all[base]!, ead: all[base + 1]!, semantic: all[base + 2]!, equations: all[base + 3]!, skipped };
	});

	let min = Infinity;
	let max = 0;
	for (const r of rows) {
		if (r.stats.n > 0) {
			min = Math.min(min, r.stats.n);
			max = Math.max(max, r.stats.n);
		}
	}
	const levels = byLevel(ctx, rows);
	return {
		model: model.id,
		label: model.label,
		order: model.order,
		problems: rows.length,
		samplesPerProblem: { min: max > 0 ? min : 0, max },
		accuracy: accuracyBlock(ctx.ks, all, rows),
		bySplit,
		byLevel: levels.levels,
		groupDisparity: levels.disparity,
		coverage: all[1]!,
		diversity,
		answerDiversity: { distinctRatio: all[at]!, entropy: all[at + 1]! }
	};
}
