import type { ModelRef, Problem, Sample } from '../types';
import { bootstrapWeights, type BootstrapWeights } from './bootstrapWeights';
import { NGRAM_ORDERS, type ProblemAccumulator, type ProblemStats, type SampleFeatures } from './builderTypes';
import { createColumnStore } from './createColumnStore';
import { reportContext } from './reportContext';
import { createEquationTally } from './createEquationTally';
import { createNgramTable } from './createNgramTable';
import { createSemanticSums } from './createSemanticSums';
import { createSlabs } from './createSlabs';
import { createTokenDictionary } from './createTokenDictionary';
import type { Embedder } from './embedder';
import { extractEquations } from './extractEquations';
import { hashedNgramEmbedder } from './hashedNgramEmbedder';
import { modelReport } from './modelReport';
import { problemStats } from './problemStats';
import type { ModelReport, ResolvedOptions, SolvedRule } from './reportTypes';
import type { Lap } from '../types';

/** A validated sample with its model's index (models by order) and its problem's index. */
export interface LocatedSample {
	s: Sample;
	m: number;
	p: number;
}

/** Statistics of (model, problem) groups computed elsewhere (groupStats), stats[model][problem], for k = ks. */
export interface PrecomputedStats {
	ks: readonly number[];
	stats: readonly (readonly (ProblemStats | undefined)[])[];
}

/** What every part of one report computes with: the same for all of them, decided by the coordinator. */
export interface PartPlan {
	ks: number[];
	rule: SolvedRule;
	/** The k values or headline rule changed (or this is the first report): recompute everything. */
	everything: boolean;
}

export interface PartAdded {
	/** Samples that were new (not replacing one with the same key). */
	added: number;
	/** The largest number of sampled outputs of one (model, problem) in this part so far. */
	maxN: number;
	sawGreedy: boolean;
}

export interface PartReport {
	/** The reports of the part's models that changed (all of them after `everything`). */
	reports: { model: number; report: ModelReport }[];
	/** The statistics of the (model, problem) groups that changed (all of them after `everything`). */
	stats: { model: number; problems: number[]; stats: ProblemStats[] }[];
}

/** The per-model share of a report's work: samples' features, group statistics, each model's own report. */
export interface ModelPart {
	add(samples: readonly LocatedSample[], precomputed?: PrecomputedStats): PartAdded;
	report(plan: PartPlan): PartReport;
}

export interface ModelPartOptions {
	/** Sentence embedder of semantic diversity; default the hashed n-gram offline fallback. */
	embedder?: Embedder;
	/** Keep each group's n-gram and equation counts between reports (see ReportBuildOptions.keepCounts). */
	keepCounts?: boolean;
	lap?: Lap;
	/** The statistics its initial samples' groups were given, checked against the plan's k values. */
	precomputed?: PrecomputedStats;
	/** The report's bootstrap draws when another part of it in this thread has them (else drawn again, the same). */
	weights?: BootstrapWeights;
}

export interface PartStudy {
	models: readonly ModelRef[];
	problems: readonly Problem[];
}

/**
 * The models `own` (indices into the study's models sorted by order) of a report builder: their
 * samples' features, per-(model, problem) accumulators and statistics, and each model's own report
 * (accuracy, diversity, levels, measures) with its bootstrap columns. Nothing here depends on another
 * model, so a report's models can be split between parts, in threads, and give the same bytes.
 */
export function createModelPart(study: PartStudy, own: readonly number[], resolved: ResolvedOptions, options: ModelPartOptions = {}): ModelPart {
	const { embedder = hashedNgramEmbedder(), keepCounts = true, lap, precomputed } = options;
	const models = [...study.models].sort((a, b) => a.order - b.order);
	const problems = study.problems;
	// Sample features live in large shared buffers: 160,000 small typed arrays each with its own
	// buffer cost more in garbage collection than the arithmetic on them.
	const slabs = createSlabs();
	// Token ids, not hashes, so that Distinct-n and EAD count n-grams exactly. Ids are compared only
	// within one group, so each part may number tokens on its own.
	const dictionary = createTokenDictionary();
	let hashes = new Int32Array(1024);
	const acc = new Map<number, (ProblemAccumulator | undefined)[]>(own.map((m) => [m, new Array<ProblemAccumulator | undefined>(problems.length)]));
	// Problems whose samples changed since the last report, per model.
	const dirty = new Map<number, Set<number>>();
	let maxN = 0;
	let sawGreedy = false;
	const weights = resolved.bootstrap > 0 ? (options.weights ?? bootstrapWeights(resolved.bootstrap, problems.length, resolved.bootstrapSeed)) : undefined;
	const store = createColumnStore(problems.length, weights, resolved.confidence);
	const reports = new Map<number, ModelReport>();

	// Stands for the features of a sample whose group's statistics were precomputed.
	const borrowed: SampleFeatures = { index: 0, answer: null, correct: false, tokens: new Int32Array(0), vector: new Float32Array(0), equations: [] };

	/** The group with its n-gram and equation counts when the part keeps them (counted afresh when missing). */
	function counted(a: ProblemAccumulator): ProblemAccumulator {
		if (keepCounts) a.semantic ??= createSemanticSums();
		if (!keepCounts || (a.ngrams && a.equations)) return a;
		const ngrams = createNgramTable(NGRAM_ORDERS);
		const equations = createEquationTally();
		for (const s of a.sampled.values()) {
			ngrams.add(s.tokens, s.correct ? 1 : 2);
			equations.add(s.equations, s.correct ? 1 : 2);
		}
		a.ngrams = ngrams;
		a.equations = equations;
		return a;
	}

	return {
		add(located, pre) {
			const given = (m: number, p: number): ProblemStats | undefined => pre?.stats[m]?.[p];
			const features = located.map(({ s, m, p }) => {
				if (s.index < 0 || given(m, p)) return undefined;
				if (hashes.length < s.text.length) hashes = new Int32Array(2 * s.text.length);
				const tokens = dictionary.ids(s.text, slabs.int32, hashes);
				const dims = embedder.dimensions;
				const vector = embedder.embedTokens ? embedder.embedTokens(hashes.subarray(0, tokens.length), dims ? slabs.float32(dims) : undefined) : undefined;
				return { tokens, vector };
			});
			const needText = embedder.embedTokens ? [] : located.filter(({ s, m, p }) => s.index >= 0 && !given(m, p)).map(({ s }) => s.text);
			const embedded = needText.length > 0 ? embedder.embed(needText) : [];
			let e = 0;
			let added = 0;
			located.forEach(({ s, m, p }, i) => {
				const row = acc.get(m);
				if (!row) throw new Error(`createModelPart: samples[${i}] is for model ${m}, not one of this part's (${own.join(', ')})`);
				let a = row[p];
				if (!a) {
					a = { greedy: undefined, sampled: new Map<number, SampleFeatures>(), stats: undefined };
					row[p] = a;
				}
				if (s.index < 0) {
					sawGreedy = true;
					if (!a.greedy) added++;
					a.greedy = { answer: s.answer, correct: s.correct };
				} else {
					if (a.sampled.has(s.index)) {
						a.ngrams = undefined;
						a.equations = undefined;
					} else added++;
					a.changedFrom = Math.min(a.changedFrom ?? Infinity, s.index);
					const f = features[i];
					if (f === undefined) {
						a.sampled.set(s.index, { index: s.index, answer: s.answer, correct: s.correct, tokens: borrowed.tokens, vector: borrowed.vector, equations: borrowed.equations });
					} else {
						const vector = f.vector ?? embedded[e++];
						if (!vector) throw new Error(`embedder '${embedder.name}' returned no vector for samples[${i}]`);
						const equations = extractEquations(s.text);
						a.sampled.set(s.index, { index: s.index, answer: s.answer, correct: s.correct, tokens: f.tokens, vector, equations });
						// Kept counts (none after a replacement in this batch) take the new sample alone.
						a.ngrams?.add(f.tokens, s.correct ? 1 : 2);
						a.equations?.add(equations, s.correct ? 1 : 2);
					}
					maxN = Math.max(maxN, a.sampled.size);
				}
				a.stats = given(m, p);
				let rows = dirty.get(m);
				if (!rows) dirty.set(m, (rows = new Set()));
				rows.add(p);
			});
			lap?.('diversity');
			return { added, maxN, sawGreedy };
		},

		report({ ks, rule, everything }) {
			if (everything) {
				store.clear();
				if (precomputed && ks.join(',') !== precomputed.ks.join(',')) {
					throw new Error(`createReportBuilder: statistics were precomputed for k = ${precomputed.ks.join(', ')}, the report needs k = ${ks.join(', ')}`);
				}
				for (const [m, row] of acc) row.forEach((a, p) => a && (a.stats = precomputed?.stats[m]?.[p]));
			}
			const ctx = reportContext(problems, { ks, rule }, store, resolved);
			const out: PartReport = { reports: [], stats: [] };
			const swept: string[] = [];
			for (const [m, row] of acc) {
				const changed = dirty.get(m);
				const problemsOut: number[] = [];
				const statsOut: ProblemStats[] = [];
				const stats = Array.from(row, (a, p) => {
					if (!a) return undefined;
					if (!a.stats) {
						a.stats = problemStats(counted(a), ks, resolved.eadVocabulary, lap);
						a.changedFrom = Infinity;
					}
					if (everything || changed?.has(p)) {
						problemsOut.push(p);
						statsOut.push(a.stats);
					}
					return a.stats;
				});
				if (problemsOut.length > 0) out.stats.push({ model: m, problems: problemsOut, stats: statsOut });
				if (!everything && !changed && reports.has(m)) continue;
				const report = modelReport(ctx, models[m]!, stats, everything ? undefined : changed);
				reports.set(m, report);
				out.reports.push({ model: m, report });
				swept.push(models[m]!.id);
			}
			store.sweep(swept);
			dirty.clear();
			return out;
		}
	};
}
