import type { Bundle, Lap, Sample } from '../types';
import { bootstrapWeights, type BootstrapWeights } from './bootstrapWeights';
import type { ProblemStats } from './builderTypes';
import { compareModels } from './compareModels';
import { createColumnStore } from './createColumnStore';
import { reportContext } from './reportContext';
import type { LocatedSample, PartPlan, PartReport } from './createModelPart';
import { kValues } from './kValues';
import type { ImprovementSets, ModelReport, Report, ReportOptions, ResolvedOptions, Verdict, Versus } from './reportTypes';
import { resolveOptions } from './resolveOptions';
import { reportWarnings } from './reportWarnings';

export type StudyShape = Omit<Bundle, 'samples'> & { samples?: readonly Sample[] };

/**
 * The cross-model share of a report builder: it validates and places samples, decides what every
 * model part computes with (k values, headline rule), and assembles the parts' answers with what
 * needs two models (improvement sets, versus, verdicts against the reference) and the warnings.
 */
export interface ReportCoordinator {
	readonly resolved: ResolvedOptions;
	/** Study models sorted by order (a LocatedSample's m indexes this). */
	readonly models: Bundle['models'];
	/** The bootstrap draws (undefined with intervals off), for a model part in the same thread to share. */
	readonly weights: BootstrapWeights | undefined;
	/** The samples with their model and problem indices; throws a located error on a bad one. */
	locate(samples: readonly Sample[]): LocatedSample[];
	/** The plan of the next report, given the parts' largest group and whether any saw a greedy output. */
	plan(maxN: number, sawGreedy: boolean): PartPlan;
	/** The report from every part's answer to `plan`. */
	assemble(plan: PartPlan, parts: readonly PartReport[]): Report;
}

function whereIs(s: Sample | undefined, i: number): string {
	return `samples[${i}] (model '${String(s?.model)}', problem '${String(s?.problem)}', index ${String(s?.index)})`;
}

export function createReportCoordinator(study: StudyShape, options: ReportOptions & { embedderName: string; lap?: Lap }): ReportCoordinator {
	const { embedderName, lap, ...reportOptions } = options;
	const resolved = resolveOptions(reportOptions, study.study, study.models);
	const models = [...study.models].sort((a, b) => a.order - b.order);
	const problems = study.problems;
	const modelIndex = new Map(models.map((m, i) => [m.id, i]));
	const problemIndex = new Map(problems.map((p, i) => [p.id, i]));
	const refIndex = modelIndex.get(resolved.reference)!;
	// Every group's statistics as the parts last sent them, and the problems they changed since.
	const stats: (ProblemStats | undefined)[][] = models.map(() => new Array<ProblemStats | undefined>(problems.length));
	const dirty = new Map<number, Set<number>>();
	const weights = resolved.bootstrap > 0 ? bootstrapWeights(resolved.bootstrap, problems.length, resolved.bootstrapSeed) : undefined;
	const store = createColumnStore(problems.length, weights, resolved.confidence);
	let cacheKey = '';
	const own: (ModelReport | undefined)[] = models.map(() => undefined);
	const compared: ({ sets: ImprovementSets; versus: Versus; verdict: Verdict } | undefined)[] = models.map(() => undefined);

	return {
		resolved,
		models,
		weights,
		locate(samples) {
			return samples.map((s, i) => {
				const m = modelIndex.get(s?.model);
				const p = problemIndex.get(s?.problem);
				if (m === undefined) throw new Error(`${whereIs(s, i)}: unknown model; the study's models are ${models.map((x) => x.id).join(', ')}`);
				if (p === undefined) throw new Error(`${whereIs(s, i)}: unknown problem id`);
				if (!Number.isInteger(s.index) || s.index < -1) throw new Error(`${whereIs(s, i)}: index should be -1 (greedy) or a sample number >= 0`);
				if (typeof s.text !== 'string' || typeof s.correct !== 'boolean' || (s.answer !== null && typeof s.answer !== 'string')) {
					throw new Error(`${whereIs(s, i)}: text must be a string, answer a string or null, correct a boolean`);
				}
				return { s, m, p };
			});
		},
		plan(maxN, sawGreedy) {
			const ks = kValues(Math.max(study.study.sampling.n, maxN));
			const rule = sawGreedy || study.study.sampling.greedy ? 'greedy' : 'maj@n';
			const key = `${ks.join(',')}|${rule}`;
			// New k values or headline rule: every statistic and aggregate depends on them.
			const everything = key !== cacheKey;
			cacheKey = key;
			return { ks, rule, everything };
		},
		assemble(plan, parts) {
			const { ks, rule, everything } = plan;
			if (everything) store.clear();
			for (const part of parts) {
				for (const { model, problems: changed, stats: values } of part.stats) {
					let rows = dirty.get(model);
					if (!rows) dirty.set(model, (rows = new Set()));
					changed.forEach((p, i) => {
						stats[model]![p] = values[i];
						rows.add(p);
					});
				}
				for (const { model, report } of part.reports) own[model] = report;
			}
			const ctx = reportContext(problems, plan, store, resolved);
			const swept: string[] = [];
			const refRows = dirty.get(refIndex);
			models.forEach((model, m) => {
				if (m === refIndex) return;
				const rows = dirty.get(m);
				if (!everything && !rows && !refRows && compared[m]) return;
				const union = everything ? undefined : new Set([...(rows ?? []), ...(refRows ?? [])]);
				const curves = { model: own[m]!.accuracy.passAtK, reference: own[refIndex]!.accuracy.passAtK };
				compared[m] = compareModels(ctx, model.id, resolved.reference, stats[m]!, stats[refIndex]!, curves, union);
				swept.push(`${model.id}\u0000${resolved.reference}`);
			});
			store.sweep(swept);
			dirty.clear();
			const modelReports = models.map((_, m) => {
				const base = own[m]!;
				const c = compared[m];
				return c ? { ...base, sets: c.sets, versus: c.versus, verdict: c.verdict } : base;
			});
			const warnings = reportWarnings(ctx, modelReports, stats, resolved.bootstrap);
			lap?.('bootstrap');
			return {
				format: 'reversal-lab/report',
				version: 1,
				reference: resolved.reference,
				ks,
				solvedRule: rule,
				embedder: embedderName,
				models: modelReports,
				warnings,
				options: resolved
			};
		}
	};
}
