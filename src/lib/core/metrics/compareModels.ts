import { DIVERSITY_METRICS, DIVERSITY_SUBSETS, type ProblemStats, type ReportContext } from './builderTypes';
import type { ColumnResult } from './createColumnStore';
import { groupDisparity } from './groupDisparity';
import { headlineValue } from './headlineValue';
import { percentileInterval } from './percentileInterval';
import type { Difference, ImprovementSets, Signal, SignalId, Verdict } from './reportTypes';
import { solvedBy } from './solvedBy';
import { verdictOf } from './verdictOf';

type Stats = readonly (ProblemStats | undefined)[];

function toDifference(r: ColumnResult): Difference {
	const e = r.estimate;
	return e.ci ? { delta: e.value, ci: e.ci, problems: e.problems } : { delta: e.value, problems: e.problems };
}

function signal(id: SignalId, label: string, difference: Difference, badDirection: 'down' | 'up', intervals: boolean, missing?: string): Signal {
	const { ci } = difference;
	const fired = missing === undefined && ci !== undefined && (badDirection === 'down' ? ci.high < 0 : ci.low > 0);
	const unavailable = missing ?? (difference.delta === undefined ? 'no problems with a value for both models' : intervals ? undefined : 'intervals are off (bootstrap = 0)');
	return unavailable ? { id, label, difference, fired, badDirection, unavailable } : { id, label, difference, fired, badDirection };
}

function orUndefined(v: number | undefined): number | undefined {
	return v === undefined || v !== v ? undefined : v;
}

/**
 * The improvement and regression sets of model t against the reference, and t's verdict, from
 * paired per-problem differences. `dirty` lists problems whose statistics changed for either model.
 */
export function compareModels(ctx: ReportContext, model: string, reference: string, t: Stats, r: Stats, dirty?: ReadonlySet<number>): { sets: ImprovementSets; verdict: Verdict } {
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

	const subsetNote = `${ctx.verdictSubset} samples`;
	const headLabel = rule === 'greedy' ? 'pass@1 (greedy)' : 'pass@1 (sampled)';
	const noOod = problems.some((p) => p.split === 'ood') ? undefined : 'no OOD problems in this study';
	const noLevels = easiest === undefined || easiest === hardest ? 'fewer than two levels with results for both models' : undefined;
	const none: Difference = { delta: undefined, problems: 0 };
	const signals: Signal[] = [
		signal('passAtN', kAt >= 0 ? `pass@${ks[kAt]}` : 'pass@n', passN ? toDifference(passN) : none, 'down', intervals, passN ? undefined : 'no sampled outputs for both models'),
		signal('distinctN', `Distinct-n (${subsetNote})`, toDifference(div(0, 'distinct')), 'down', intervals),
		signal('semantic', `semantic diversity (${subsetNote})`, toDifference(div(2, 'semantic')), 'down', intervals),
		signal('equations', `distinct equations (${subsetNote})`, toDifference(div(3, 'equations')), 'down', intervals),
		// Over all samples, answer diversity falls whenever accuracy rises (correct samples share one
		// answer): the signal watches the incorrect samples' answers instead.
		signal('answerDiversity', 'answer diversity (incorrect samples)', toDifference(paired('wrong answers', (a, b) => a.wrongAnswerDistinct - b.wrongAnswerDistinct)), 'down', intervals),
		signal('ood', `OOD ${headLabel}`, toDifference(ood), 'down', intervals, noOod),
		signal('hardestLevel', `level ${hardest ?? '?'} ${headLabel}`, toDifference(hard), 'down', intervals, noLevels),
		signal('groupDisparity', 'group disparity', gd, 'up', intervals, noLevels),
		signal('forgetting', `forgetting (RS(t) = ${regressed.length} vs ${ctx.forgettingRatio} x IS(t) = ${improved.length})`, toDifference(forgetting), 'up', intervals)
	];
	return { sets, verdict: verdictOf(model, reference, signal('pass1', headLabel, toDifference(headline), 'up', intervals), signals) };
}
