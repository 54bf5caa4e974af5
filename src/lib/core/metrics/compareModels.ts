import type { Problem } from '../types';
import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import { columnMatrix } from './columnMatrix';
import { estimateColumns } from './estimateColumns';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { percentileInterval } from './percentileInterval';
import type { Difference, Estimate, ImprovementSets, Signal, SignalId, Verdict } from './reportTypes';
import { solvedBy } from './solvedBy';
import { verdictOf } from './verdictOf';

interface Pair {
	problem: Problem;
	t: ProblemStats | undefined;
	r: ProblemStats | undefined;
}

function toDifference(e: Estimate): Difference {
	return e.ci ? { delta: e.value, ci: e.ci, problems: e.problems } : { delta: e.value, problems: e.problems };
}

function signal(id: SignalId, label: string, difference: Difference, badDirection: 'down' | 'up', intervals: boolean, missing?: string): Signal {
	const { ci } = difference;
	const fired = ci !== undefined && (badDirection === 'down' ? ci.high < 0 : ci.low > 0);
	const unavailable = missing ?? (difference.delta === undefined ? 'no problems with a value for both models' : intervals ? undefined : 'intervals are off (bootstrap = 0)');
	return unavailable ? { id, label, difference, fired, badDirection, unavailable } : { id, label, difference, fired, badDirection };
}

function diff(a: number, b: number): number {
	return a - b;
}

/** The improvement and regression sets of model t against the reference, and t's verdict. */
export function compareModels(ctx: ReportContext, model: string, reference: string, tStats: readonly (ProblemStats | undefined)[], rStats: readonly (ProblemStats | undefined)[]): { sets: ImprovementSets; verdict: Verdict } {
	const pairs: Pair[] = ctx.problems.map((problem, i) => ({ problem, t: tStats[i], r: rStats[i] }));
	const K = ctx.ks.length;
	const intervals = ctx.draws !== undefined && ctx.draws.replicates > 0;

	// Improvement and regression sets, and the reference's reach on what t newly solves.
	const improved: Pair[] = [];
	const regressed: Pair[] = [];
	const status = new Map<Pair, number>();
	for (const p of pairs) {
		const st = solvedBy(p.t);
		const sr = solvedBy(p.r);
		if (st === undefined || sr === undefined) continue;
		if (st && !sr) improved.push(p);
		if (!st && sr) regressed.push(p);
		status.set(p, st && !sr ? -ctx.forgettingRatio : !st && sr ? 1 : 0);
	}
	const isCols = [...ctx.ks.map((_, i) => (p: Pair) => p.r?.passAtK[i] ?? NaN), (p: Pair) => (p.r && p.r.n > 0 ? (p.r.c > 0 ? 1 : 0) : NaN)];
	const onIS = estimateColumns(columnMatrix(improved, isCols), improved.length, K + 1, ctx.draws, ctx.confidence).estimates;
	const sets: ImprovementSets = {
		improved: improved.map((p) => p.problem.id),
		regressed: regressed.map((p) => p.problem.id),
		referencePassAtKOnImproved: ctx.ks.map((k, i) => {
			const e = onIS[i]!;
			const excluded = improved.filter((p) => p.r !== undefined && p.r.n >= 1 && p.r.n < k).length;
			return e.ci ? { k, value: e.value, ci: e.ci, problems: e.problems, excluded } : { k, value: e.value, problems: e.problems, excluded };
		}),
		withinReferenceReach: onIS[K]!
	};

	// The largest k both models were sampled at: "pass@n" of the verdict.
	let maxT = 0;
	let maxR = 0;
	for (const p of pairs) {
		maxT = Math.max(maxT, p.t?.n ?? 0);
		maxR = Math.max(maxR, p.r?.n ?? 0);
	}
	let kAt = -1;
	ctx.ks.forEach((k, i) => {
		if (k <= Math.min(maxT, maxR)) kAt = i;
	});
	const levels = pairs.filter((p) => p.problem.level !== undefined && headlineValue(p.t, ctx.rule) === headlineValue(p.t, ctx.rule) && headlineValue(p.r, ctx.rule) === headlineValue(p.r, ctx.rule)).map((p) => p.problem.level!);
	const easiest = levels.length > 0 ? Math.min(...levels) : undefined;
	const hardest = levels.length > 0 ? Math.max(...levels) : undefined;
	const g = DIVERSITY_SUBSETS.indexOf(ctx.verdictSubset) * DIVERSITY_METRICS;
	const h = (s: ProblemStats | undefined): number => headlineValue(s, ctx.rule);
	const atLevel = (p: Pair, level: number | undefined, s: ProblemStats | undefined): number => (level !== undefined && p.problem.level === level ? h(s) : NaN);
	const columns: ((p: Pair) => number)[] = [
		(p) => diff(h(p.t), h(p.r)),
		(p) => (kAt >= 0 && p.t && p.r ? diff(p.t.passAtK[kAt]!, p.r.passAtK[kAt]!) : NaN),
		(p) => (p.t && p.r ? diff(p.t.diversity[g]!, p.r.diversity[g]!) : NaN),
		(p) => (p.t && p.r ? diff(p.t.diversity[g + 2]!, p.r.diversity[g + 2]!) : NaN),
		(p) => (p.t && p.r ? diff(p.t.diversity[g + 3]!, p.r.diversity[g + 3]!) : NaN),
		(p) => (p.t && p.r ? diff(p.t.answerDistinct, p.r.answerDistinct) : NaN),
		(p) => (p.problem.split === 'ood' ? diff(h(p.t), h(p.r)) : NaN),
		(p) => (hardest !== undefined && p.problem.level === hardest ? diff(h(p.t), h(p.r)) : NaN),
		(p) => status.get(p) ?? NaN,
		(p) => atLevel(p, easiest, p.t),
		(p) => atLevel(p, hardest, p.t),
		(p) => atLevel(p, easiest, p.r),
		(p) => atLevel(p, hardest, p.r)
	];
	const { estimates: e, replicates } = estimateColumns(columnMatrix(pairs, columns), pairs.length, columns.length, ctx.draws, ctx.confidence);

	// Group disparity rises: GD(t) - GD(reference), each from the same resampled problems.
	const gdT = groupDisparity(e[9]?.value, e[10]?.value);
	const gdR = groupDisparity(e[11]?.value, e[12]?.value);
	const gd: Difference = { delta: gdT !== undefined && gdR !== undefined && easiest !== hardest ? gdT - gdR : undefined, problems: Math.min(e[9]!.problems + e[10]!.problems, e[11]!.problems + e[12]!.problems) };
	if (gd.delta !== undefined && replicates && ctx.draws) {
		const B = ctx.draws.replicates;
		const d = new Float64Array(B);
		for (let b = 0; b < B; b++) {
			const a = groupDisparity(replicates[9 * B + b], replicates[10 * B + b]);
			const c = groupDisparity(replicates[11 * B + b], replicates[12 * B + b]);
			d[b] = a !== undefined && c !== undefined ? a - c : NaN;
		}
		const ci = percentileInterval(d, ctx.confidence);
		if (ci) gd.ci = ci;
	}

	const subsetNote = ctx.verdictSubset === 'all' ? 'all samples' : `${ctx.verdictSubset} samples`;
	const headLabel = ctx.rule === 'greedy' ? 'pass@1 (greedy)' : 'pass@1 (sampled)';
	const headline = signal('pass1', headLabel, toDifference(e[0]!), 'up', intervals);
	const noOod = ctx.problems.some((p) => p.split === 'ood') ? undefined : 'no OOD problems in this study';
	const noLevels = easiest === undefined || easiest === hardest ? 'fewer than two levels with results for both models' : undefined;
	const kLabel = kAt >= 0 ? ctx.ks[kAt] : undefined;
	const signals: Signal[] = [
		signal('passAtN', kLabel !== undefined ? `pass@${kLabel}` : 'pass@n', toDifference(e[1]!), 'down', intervals, kLabel === undefined ? 'no sampled outputs for both models' : undefined),
		signal('distinctN', `Distinct-n (${subsetNote})`, toDifference(e[2]!), 'down', intervals),
		signal('semantic', `semantic diversity (${subsetNote})`, toDifference(e[3]!), 'down', intervals),
		signal('equations', `distinct equations (${subsetNote})`, toDifference(e[4]!), 'down', intervals),
		signal('answerDiversity', 'answer diversity', toDifference(e[5]!), 'down', intervals),
		signal('ood', `OOD ${headLabel}`, toDifference(e[6]!), 'down', intervals, noOod),
		signal('hardestLevel', hardest !== undefined ? `level ${hardest} ${headLabel}` : `hardest level ${headLabel}`, toDifference(e[7]!), 'down', intervals, noLevels),
		signal('groupDisparity', 'group disparity', gd, 'up', intervals, noLevels),
		signal('forgetting', `forgetting: RS(t) = ${regressed.length} vs ${ctx.forgettingRatio} x IS(t) = ${improved.length}`, toDifference(e[8]!), 'up', intervals)
	];
	return { sets, verdict: verdictOf(model, reference, headline, signals) };
}
