// From a Report to the demo's story by iteration: which chains of models to offer (the main chain
// and any variant chain trained from the same M1), and the headline measures of one chain's
// models, first iteration first. Pure data selection: no layout, no DOM.
import type { Estimate, Interval, ModelReport, Report } from '$lib/core/metrics/reportTypes';
import { headline, maxK } from '$lib/ui/report/chartInputs';

/** The parts of a model's report the story reads (so tests can build small reports by hand). */
export type StoryModel = Pick<ModelReport, 'model' | 'label' | 'order' | 'problems' | 'accuracy' | 'bySplit' | 'byLevel' | 'diversity' | 'verdict'> & Partial<Pick<ModelReport, 'sets'>>;
export type StoryReport = Pick<Report, 'reference' | 'ks' | 'options'> & { models: StoryModel[] };

/** The manifest's view of the family: main chain and variants, each model with its iteration. */
export interface ChainSource {
	models: { id: string; iteration?: number }[];
	variants: { id: string; label: string; models: { id: string; iteration?: number }[] }[];
}

export interface ChainModel {
	id: string;
	label: string;
	/** 1 = the first model (M1). */
	iteration: number;
}

export interface Chain {
	id: string;
	label: string;
	models: ChainModel[];
}

export const MAIN_CHAIN = 'main';

const byOrder = (a: StoryModel, b: StoryModel) => a.order - b.order;

/**
 * The chains of a report. Without a manifest (or when none of its variants is in the report), one
 * chain of every model in study order. With one: the main chain is every model that belongs to no
 * variant (so a model trained live after M5 extends it); a variant chain is the main chain's models
 * before the variant's first iteration, then the variant's models.
 */
export function demoChains(report: StoryReport, manifest?: ChainSource): Chain[] {
	const models = [...report.models].sort(byOrder);
	const iterationOf = new Map<string, number>();
	for (const m of [...(manifest?.models ?? []), ...(manifest?.variants.flatMap((v) => v.models) ?? [])])
		if (m.iteration !== undefined) iterationOf.set(m.id, m.iteration);
	const variantIds = new Set(manifest?.variants.flatMap((v) => v.models.map((m) => m.id)) ?? []);
	const mainModels = models.filter((m) => !variantIds.has(m.model));
	const main: ChainModel[] = [];
	for (const m of mainModels) {
		const previous = main[main.length - 1]?.iteration ?? 0;
		main.push({ id: m.model, label: m.label, iteration: Math.max(iterationOf.get(m.model) ?? previous + 1, previous + 1) });
	}
	const chains: Chain[] = [{ id: MAIN_CHAIN, label: 'Main chain', models: main }];
	for (const v of manifest?.variants ?? []) {
		const present = models.filter((m) => v.models.some((x) => x.id === m.model));
		if (!present.length) continue;
		const own = present.map((m, i) => ({ id: m.model, label: m.label, iteration: iterationOf.get(m.model) ?? main.length + i + 1 }));
		const start = Math.min(...own.map((m) => m.iteration));
		chains.push({ id: v.id, label: v.label, models: [...main.filter((m) => m.iteration < start), ...own].sort((a, b) => a.iteration - b.iteration) });
	}
	return chains;
}

export type MeasureId = 'pass1' | 'passN' | 'distinctCorrect' | 'oodPass1' | 'hardestPass1';

export interface IterationPoint {
	model: string;
	label: string;
	iteration: number;
	value: number | undefined;
	ci?: Interval;
	problems: number;
}

export interface IterationMeasure {
	id: MeasureId;
	/** Short name, e.g. "pass@16". */
	label: string;
	/** Axis title with its unit. */
	axis: string;
	format: 'pct' | 'num';
	points: IterationPoint[];
}

const none: Estimate = { value: undefined, problems: 0 };

/** The hardest level any model of the report has a value on. */
export function hardestLevel(report: StoryReport): number | undefined {
	const levels = report.models.flatMap((m) => m.byLevel.filter((l) => l.accuracy.value !== undefined).map((l) => l.level));
	return levels.length ? Math.max(...levels) : undefined;
}

/**
 * The headline measures of one chain by iteration: pass@1 (the verdict's headline: greedy when the
 * study has greedy outputs), pass@n, Distinct-n of the correct samples, OOD pass@1 and the hardest
 * level's pass@1. A measure the study cannot have (no OOD problems, no levels, no sampled outputs)
 * is left out; one it has no data for yet is kept, its points undefined.
 */
export function iterationSeries(report: StoryReport, chain: Chain): IterationMeasure[] {
	const byId = new Map(report.models.map((m) => [m.model, m]));
	const n = maxK(report);
	const hardest = hardestLevel(report);
	const hasOod = report.models.some((m) => m.bySplit.ood !== undefined);
	const greedy = report.models.some((m) => m.accuracy.pass1Greedy.value !== undefined);
	const pass1 = greedy ? 'pass@1 (greedy)' : 'pass@1 (sampled)';
	const measures: { id: MeasureId; label: string; axis: string; format: 'pct' | 'num'; get: (m: StoryModel) => Estimate | undefined; when: boolean }[] = [
		{ id: 'pass1', label: pass1, axis: '% of problems', format: 'pct', get: (m) => headline(m.accuracy), when: true },
		{ id: 'passN', label: `pass@${n}`, axis: '% of problems', format: 'pct', get: (m) => m.accuracy.passAtK.find((p) => p.k === n), when: n > 1 },
		{ id: 'distinctCorrect', label: 'Distinct-n of correct samples', axis: 'Distinct-n (0–1)', format: 'num', get: (m) => m.diversity.correct.distinctN, when: n > 1 },
		{ id: 'oodPass1', label: `OOD ${pass1}`, axis: '% of OOD problems', format: 'pct', get: (m) => headline(m.bySplit.ood), when: hasOod },
		{ id: 'hardestPass1', label: `level ${hardest} ${pass1}`, axis: `% of level ${hardest} problems`, format: 'pct', get: (m) => m.byLevel.find((l) => l.level === hardest)?.accuracy, when: hardest !== undefined }
	];
	return measures
		.filter((x) => x.when)
		.map(({ id, label, axis, format, get }) => ({
			id,
			label,
			axis,
			format,
			points: chain.models.map((c) => {
				const m = byId.get(c.id);
				const e = (m && get(m)) ?? none;
				return { model: c.id, label: c.label, iteration: c.iteration, value: e.value, ...(e.ci ? { ci: e.ci } : {}), problems: e.problems };
			})
		}));
}
