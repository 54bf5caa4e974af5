import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import type { ColumnResult } from './createColumnStore';
import { crossoverK } from './crossoverK';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { percentileInterval } from './percentileInterval';
import type { CurvePoint, Difference, ImprovementSets, Signal, SignalId, SolvableRegion, SolvableSets, Verdict, Versus } from './reportTypes';
import { solvableAt } from './solvableAt';
import { solvedBy } from './solvedBy';
import { verdictOf } from './verdictOf';

type Stats = readonly (ProblemStats | undefined)[];

function toDifference(r: ColumnResult): Difference {
	const e = r.estimate;
	return e.ci ? { delta: e.value, ci: e.ci, problems: e.problems } : { delta: e.value, problems: e.problems };
}

/**
 * A signal fires when its paired interval excludes 0 in the watched direction and the change is at
 * least `minEffect` that way (METRICS.md section 10: a clear but tiny change is not one to act on).
 */
function signal(id: SignalId, label: string, difference: Difference, badDirection: 'down' | 'up', intervals: boolean, minEffect: number, missing?: string): Signal {
	const { ci, delta } = difference;
	const clear = missing === undefined && ci !== undefined && (badDirection === 'down' ? ci.high < 0 : ci.low > 0);
	const large = delta !== undefined && (badDirection === 'down' ? -delta : delta) >= minEffect;
	const fired = clear && large;
	const unavailable = missing ?? (delta === undefined ? 'no problems with a value for both models' : intervals ? undefined : 'intervals are off (bootstrap = 0)');
	return { id, label, difference, fired, badDirection, ...(unavailable ? { unavailable } : {}), minEffect, ...(clear && !large ? { belowMinEffect: true as const } : {}) };
}

/**
 * The crossover as a signal: its difference is pass@n (model t minus reference, at the largest
 * common k); it fires when the curves cross, t's sampled pass@1 lead has a paired interval above 0
 * and the reference's lead at the largest common k one below 0.
 */
function crossoverSignal(crossover: { k: number; leadsUpTo: number } | undefined, passN: ColumnResult | undefined, lead: ColumnResult, kStar: number | undefined, intervals: boolean, minEffect: number): Signal {
	const label = crossover ? `crossover: leads up to k = ${crossover.leadsUpTo}, behind from k = ${crossover.k} (pass@${kStar ?? 'n'})` : 'crossover of the pass@k curves';
	const missing = !passN ? 'no sampled outputs for both models' : crossover ? undefined : 'no crossover: model t is not ahead at k = 1, or the curves do not meet';
	const s = signal('crossover', label, passN ? toDifference(passN) : { delta: undefined, problems: 0 }, 'down', intervals, minEffect, missing);
	const leadCi = lead.estimate.ci;
	s.fired = s.fired && leadCi !== undefined && leadCi.low > 0;
	return s;
}

function orUndefined(v: number | undefined): number | undefined {
	return v === undefined || v !== v ? undefined : v;
}

/** The two models' own pass@k curves, for the crossover. */
export interface CurvePair {
	model: readonly CurvePoint[];
	reference: readonly CurvePoint[];
}

/**
 * The improvement and regression sets of model t against the reference, its crossover and
 * solvable sets, and t's verdict, from paired per-problem differences. `dirty` lists problems
 * whose statistics changed for either model.
 */
export function compareModels(
	ctx: ReportContext,
	model: string,
	reference: string,
	t: Stats,
	r: Stats,
	curves: CurvePair,
	dirty?: ReadonlySet<number>
): { sets: ImprovementSets; versus: Versus; verdict: Verdict } {
	const { problems, ks, rule, store, intervals } = ctx;
	const key = `${model}\u0000${reference}`;
	const h = (s: ProblemStats | undefined): number => headlineValue(s, rule);

	// Improvement and regression sets, and the reference's reach on what t newly solves.
	const improved: string[] = [];
	const regressed: string[] = [];
	const status = problems.map((p, j) => {
		const st = solvedBy(t[j]);
		const sr = solvedBy(r[j]);
		if (st === undefined || sr === undefined) return NaN;
		if (st && !sr) improved.push(p.id);
		if (!st && sr) regressed.push(p.id);
		return st && !sr ? -ctx.forgettingRatio : !st && sr ? 1 : 0;
	});
	const onIS = (name: string, f: (s: ProblemStats) => number): ColumnResult =>
		store.column(key, `IS|${name}`, (j) => {
			const s = r[j];
			return s && status[j]! < 0 ? f(s) : NaN;
		}, dirty);
	const sets: ImprovementSets = {
		improved,
		regressed,
		referencePassAtKOnImproved: ks.map((k, i) => {
			const e = onIS(`pass@${k}`, (s) => s.passAtK[i]!).estimate;
			let excluded = 0;
			status.forEach((st, j) => {
				const s = r[j];
				if (st < 0 && s && s.n >= 1 && s.n < k) excluded++;
			});
			return e.ci ? { k, value: e.value, ci: e.ci, problems: e.problems, excluded } : { k, value: e.value, problems: e.problems, excluded };
		}),
		withinReferenceReach: onIS('reach', (s) => (s.n > 0 ? (s.c > 0 ? 1 : 0) : NaN)).estimate
	};

	// The largest k both models were sampled at: the verdict's "pass@n".
	let maxT = 0;
	let maxR = 0;
	for (const s of t) maxT = Math.max(maxT, s?.n ?? 0);
	for (const s of r) maxR = Math.max(maxR, s?.n ?? 0);
	let kAt = -1;
	ks.forEach((k, i) => {
		if (k <= Math.min(maxT, maxR)) kAt = i;
	});
	const levels = problems.flatMap((p, j) => (p.level !== undefined && h(t[j]) === h(t[j]) && h(r[j]) === h(r[j]) ? [p.level] : []));
	const easiest = levels.length > 0 ? Math.min(...levels) : undefined;
	const hardest = levels.length > 0 ? Math.max(...levels) : undefined;
	const g = DIVERSITY_SUBSETS.indexOf(ctx.verdictSubset) * DIVERSITY_METRICS;
	const paired = (name: string, f: (a: ProblemStats, b: ProblemStats, j: number) => number): ColumnResult =>
		store.column(key, name, (j) => {
			const a = t[j];
			const b = r[j];
			return a && b ? f(a, b, j) : NaN;
		}, dirty);
	const level = problems.map((p) => p.level);
	const headline = paired('headline', (a, b) => h(a) - h(b));
	const passN = kAt >= 0 ? paired(`pass@${ks[kAt]}`, (a, b) => a.passAtK[kAt]! - b.passAtK[kAt]!) : undefined;
	const div = (m: number, name: string): ColumnResult => paired(`${name}:${ctx.verdictSubset}`, (a, b) => a.diversity[g + m]! - b.diversity[g + m]!);
	const ood = paired('ood', (a, b, j) => (problems[j]?.split === 'ood' ? h(a) - h(b) : NaN));
	const hard = paired(`level:${hardest}`, (a, b, j) => (level[j] === hardest ? h(a) - h(b) : NaN));
	const forgetting = store.column(key, 'forgetting', (j) => status[j]!, dirty);
	// Group disparity of each model from the same resampled problems: a paired difference.
	const atLevel = (name: string, lv: number | undefined, s: Stats): ColumnResult => store.column(key, `${name}:${lv}`, (j) => (lv !== undefined && level[j] === lv && t[j] && r[j] ? h(s[j]) : NaN), dirty);
	const tE = atLevel('tEasy', easiest, t);
	const tH = atLevel('tHard', hardest, t);
	const rE = atLevel('rEasy', easiest, r);
	const rH = atLevel('rHard', hardest, r);
	const gdT = groupDisparity(tE.estimate.value, tH.estimate.value);
	const gdR = groupDisparity(rE.estimate.value, rH.estimate.value);
	const gd: Difference = {
		delta: gdT !== undefined && gdR !== undefined && easiest !== hardest ? gdT - gdR : undefined,
		problems: Math.min(tE.estimate.problems + tH.estimate.problems, rE.estimate.problems + rH.estimate.problems)
	};
	if (gd.delta !== undefined && tE.means && tH.means && rE.means && rH.means) {
		const d = tE.means.map((_, b) => {
			const a = groupDisparity(orUndefined(tE.means![b]), orUndefined(tH.means![b]));
			const c = groupDisparity(orUndefined(rE.means![b]), orUndefined(rH.means![b]));
			return a !== undefined && c !== undefined ? a - c : NaN;
		});
		const ci = percentileInterval(d, ctx.confidence);
		if (ci) gd.ci = ci;
	}

	// Solvable sets at the largest common k (Yue et al. 2025), and where the pass@k curves cross.
	const kStar = kAt >= 0 ? ks[kAt]! : undefined;
	const solvable = (a: ProblemStats | undefined, b: ProblemStats | undefined, want: (st: boolean, sr: boolean) => boolean): number => {
		if (kStar === undefined || !a || !b) return NaN;
		const st = solvableAt(a.n, a.c, kStar);
		const sr = solvableAt(b.n, b.c, kStar);
		return st === undefined || sr === undefined ? NaN : want(st, sr) ? 1 : 0;
	};
	const regionOf = (name: string, want: (st: boolean, sr: boolean) => boolean): { result: ColumnResult; region: SolvableRegion } => {
		const result = paired(`solvable:${name}`, (a, b) => solvable(a, b, want));
		const ids = problems.flatMap((p, j) => (solvable(t[j], r[j], want) === 1 ? [p.id] : []));
		const { value, ci, problems: compared } = result.estimate;
		const region: SolvableRegion = { ids, count: ids.length };
		if (value !== undefined && ci) region.ci = { low: ci.low * compared, high: ci.high * compared };
		return { result, region };
	};
	const both = regionOf('both', (st, sr) => st && sr);
	const onlyModel = regionOf('onlyModel', (st, sr) => st && !sr);
	const onlyReference = regionOf('onlyReference', (st, sr) => !st && sr);
	const compared = both.result.estimate.problems;
	const solvableSets: SolvableSets | undefined =
		kStar !== undefined && compared > 0
			? { k: kStar, both: both.region, onlyModel: onlyModel.region, onlyReference: onlyReference.region, neither: compared - both.region.count - onlyModel.region.count - onlyReference.region.count, problems: compared }
			: undefined;
	const crossover = crossoverK(ks, ks.map((k) => curves.model.find((p) => p.k === k)?.value), ks.map((k) => curves.reference.find((p) => p.k === k)?.value));
	const versus: Versus = {};
	if (crossover) versus.crossover = crossover;
	if (solvableSets) versus.solvable = solvableSets;
	const sampledLead = paired('sampled', (a, b) => (a.n > 0 && b.n > 0 ? a.c / a.n - b.c / b.n : NaN));

	const subsetNote = `${ctx.verdictSubset} samples`;
	const headLabel = rule === 'greedy' ? 'pass@1 (greedy)' : 'pass@1 (sampled)';
	const noOod = problems.some((p) => p.split === 'ood') ? undefined : 'no OOD problems in this study';
	const noLevels = easiest === undefined || easiest === hardest ? 'fewer than two levels with results for both models' : undefined;
	const none: Difference = { delta: undefined, problems: 0 };
	const min = ctx.minEffect;
	// A set size's least change is one problem, as a share of the problems the difference is over.
	const perProblem = (d: Difference) => (d.problems > 0 ? min.problems / d.problems : 0);
	const signals: Signal[] = [
		signal('passAtN', kAt >= 0 ? `pass@${ks[kAt]}` : 'pass@n', passN ? toDifference(passN) : none, 'down', intervals, min.accuracy, passN ? undefined : 'no sampled outputs for both models'),
		signal('distinctN', `Distinct-n (${subsetNote})`, toDifference(div(0, 'distinct')), 'down', intervals, min.diversity),
		signal('semantic', `semantic diversity (${subsetNote})`, toDifference(div(2, 'semantic')), 'down', intervals, min.diversity),
		signal('equations', `distinct equations (${subsetNote})`, toDifference(div(3, 'equations')), 'down', intervals, min.diversity),
		// Over all samples, answer diversity falls whenever accuracy rises (correct samples share one
		// answer): the signal watches the incorrect samples' answers instead.
		signal('answerDiversity', 'answer diversity (incorrect samples)', toDifference(paired('wrong answers', (a, b) => a.wrongAnswerDistinct - b.wrongAnswerDistinct)), 'down', intervals, min.diversity),
		signal('ood', `OOD ${headLabel}`, toDifference(ood), 'down', intervals, min.accuracy, noOod),
		signal('hardestLevel', `level ${hardest ?? '?'} ${headLabel}`, toDifference(hard), 'down', intervals, min.accuracy, noLevels),
		signal('groupDisparity', 'group disparity', gd, 'up', intervals, min.accuracy, noLevels),
		signal('forgetting', `forgetting (RS(t) = ${regressed.length} vs ${ctx.forgettingRatio} x IS(t) = ${ctx.forgettingRatio} x ${improved.length} = ${+(ctx.forgettingRatio * improved.length).toFixed(2)})`, toDifference(forgetting), 'up', intervals, perProblem(toDifference(forgetting))),
		crossoverSignal(crossover, passN, sampledLead, kStar, intervals, min.accuracy),
		signal(
			'solvableOnlyReference',
			kStar === undefined ? 'solvable only by the reference' : `solvable only by the reference at k = ${kStar} (${onlyReference.region.count} of ${compared})`,
			toDifference(onlyReference.result),
			'up',
			intervals,
			perProblem(toDifference(onlyReference.result)),
			solvableSets ? undefined : 'no sampled outputs for both models'
		)
	];
	return { sets, versus, verdict: verdictOf(model, reference, signal('pass1', headLabel, toDifference(headline), 'up', intervals, min.accuracy), signals) };
}
