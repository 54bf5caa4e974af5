import type { Bundle, Lap, Sample } from '../types';
import { bootstrapWeights } from './bootstrapWeights';
import { NGRAM_ORDERS, type ProblemAccumulator, type ProblemStats, type ReportContext, type SampleFeatures } from './builderTypes';
import { compareModels } from './compareModels';
import { createColumnStore } from './createColumnStore';
import { createEquationTally } from './createEquationTally';
import { createNgramTable } from './createNgramTable';
import { createSemanticSums } from './createSemanticSums';
import { createSlabs } from './createSlabs';
import { createTokenDictionary } from './createTokenDictionary';
import type { Embedder } from './embedder';
import { extractEquations } from './extractEquations';
import { hashedNgramEmbedder } from './hashedNgramEmbedder';
import { kValues } from './kValues';
import { modelReport } from './modelReport';
import { problemStats } from './problemStats';
import type { ImprovementSets, ModelReport, Report, ReportOptions, Verdict, Versus } from './reportTypes';
import { resolveOptions } from './resolveOptions';
import { reportWarnings } from './reportWarnings';

export interface ReportBuildOptions extends ReportOptions {
	/** Sentence embedder of semantic diversity; default the hashed n-gram offline fallback. */
	embedder?: Embedder;
	/**
	 * Statistics of the initial samples' (model, problem) groups computed elsewhere with groupStats
	 * (worker threads), stats[model by order][problem index], for the k values `ks`. The builder
	 * then keeps no features for those samples, so it takes no further samples.
	 */
	precomputed?: { ks: readonly number[]; stats: readonly (readonly (ProblemStats | undefined)[])[] };
	/** Told when each phase of the work ends (a benchmark's breakdown); never changes the report. */
	lap?: Lap;
	/**
	 * Keep each (model, problem)'s n-gram and equation counts between reports, so that a sample
	 * added later updates them (work in proportion to its length) instead of a recount of its whole
	 * problem (default true; costs about 10 bytes a token). computeReport, which adds nothing, sets false.
	 */
	keepCounts?: boolean;
}

export interface ReportBuilder {
	/** Take new samples (a sample with the key of an earlier one replaces it). Throws on a sample naming an unknown model or problem. */
	add(samples: readonly Sample[]): void;
	/** The report of every sample added so far; recomputes only what the new samples changed. */
	report(): Report;
	/** Distinct samples held (a replaced sample counts once). */
	readonly sampleCount: number;
}

type StudyShape = Omit<Bundle, 'samples'> & { samples?: readonly Sample[] };

function whereIs(s: Sample | undefined, i: number): string {
	return `samples[${i}] (model '${String(s?.model)}', problem '${String(s?.problem)}', index ${String(s?.index)})`;
}

/**
 * The incremental form of computeReport: per-(model, problem) accumulators keep each sample's
 * features (tokens, embedding, equations) and the problem's statistics; add() marks what changed,
 * report() recomputes those problems' statistics and the aggregates of the models they belong to.
 * The same samples give the same report whatever batches they arrived in.
 */
export function createReportBuilder(study: StudyShape, options: ReportBuildOptions = {}): ReportBuilder {
	const { embedder = hashedNgramEmbedder(), precomputed, lap, keepCounts = true, ...reportOptions } = options;
	const resolved = resolveOptions(reportOptions, study.study, study.models);
	const models = [...study.models].sort((a, b) => a.order - b.order);
	const problems = study.problems;
	// Sample features live in large shared buffers: 160,000 small typed arrays each with its own
	// buffer cost more in garbage collection than the arithmetic on them.
	const slabs = createSlabs();
	// Token ids, not hashes, so that Distinct-n and EAD count n-grams exactly.
	const dictionary = createTokenDictionary();
	let hashes = new Int32Array(1024);
	const modelIndex = new Map(models.map((m, i) => [m.id, i]));
	const problemIndex = new Map(problems.map((p, i) => [p.id, i]));
	const refIndex = modelIndex.get(resolved.reference)!;
	const acc: (ProblemAccumulator | undefined)[][] = models.map(() => new Array<ProblemAccumulator | undefined>(problems.length));
	// Problems whose samples changed since the last report, per model.
	const dirty = new Map<number, Set<number>>();
	let sampleCount = 0;
	let sawGreedy = false;
	let maxN = 0;
	const weights = resolved.bootstrap > 0 ? bootstrapWeights(resolved.bootstrap, problems.length, resolved.bootstrapSeed) : undefined;
	const store = createColumnStore(problems.length, weights, resolved.confidence);
	let cacheKey = '';
	const own: (ModelReport | undefined)[] = models.map(() => undefined);
	const compared: ({ sets: ImprovementSets; versus: Versus; verdict: Verdict } | undefined)[] = models.map(() => undefined);

	// Stands for the features of a sample whose group's statistics were precomputed.
	const borrowed: SampleFeatures = { index: 0, answer: null, correct: false, tokens: new Int32Array(0), vector: new Float32Array(0), equations: [] };

	function add(samples: readonly Sample[], pre?: ReportBuildOptions['precomputed']): void {
		const located = samples.map((s, i) => {
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
		lap?.('validate');
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
		located.forEach(({ s, m, p }, i) => {
			const row = acc[m]!;
			let a = row[p];
			if (!a) {
				a = { greedy: undefined, sampled: new Map<number, SampleFeatures>(), stats: undefined };
				row[p] = a;
			}
			if (s.index < 0) {
				sawGreedy = true;
				if (!a.greedy) sampleCount++;
				a.greedy = { answer: s.answer, correct: s.correct };
			} else {
				if (a.sampled.has(s.index)) {
					a.ngrams = undefined;
					a.equations = undefined;
				} else sampleCount++;
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
	}

	/** The group with its n-gram and equation counts when the builder keeps them (counted afresh when missing). */
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

	function report(): Report {
		const ks = kValues(Math.max(study.study.sampling.n, maxN));
		const rule = sawGreedy || study.study.sampling.greedy ? 'greedy' : 'maj@n';
		const key = `${ks.join(',')}|${rule}`;
		let everything = false;
		if (key !== cacheKey) {
			// New k values or headline rule: every statistic and aggregate depends on them.
			cacheKey = key;
			everything = true;
			store.clear();
			if (precomputed && ks.join(',') !== precomputed.ks.join(',')) {
				throw new Error(`createReportBuilder: statistics were precomputed for k = ${precomputed.ks.join(', ')}, the report needs k = ${ks.join(', ')}`);
			}
			acc.forEach((row, m) => row.forEach((a, p) => a && (a.stats = precomputed?.stats[m]?.[p])));
		}
		const ctx: ReportContext = {
			problems,
			ks,
			rule,
			store,
			intervals: weights !== undefined,
			confidence: resolved.confidence,
			verdictSubset: resolved.verdictDiversitySubset,
			forgettingRatio: resolved.forgettingRatio
		};
		const stats: (ProblemStats | undefined)[][] = acc.map((row) =>
			Array.from(row, (a) => {
				if (!a) return undefined;
				if (!a.stats) {
					a.stats = problemStats(counted(a), ks, resolved.eadVocabulary, lap);
					a.changedFrom = Infinity;
				}
				return a.stats;
			})
		);
		const swept: string[] = [];
		models.forEach((model, m) => {
			if (!everything && !dirty.has(m) && own[m]) return;
			own[m] = modelReport(ctx, model, stats[m]!, everything ? undefined : dirty.get(m));
			swept.push(model.id);
		});
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
			embedder: embedder.name,
			models: modelReports,
			warnings,
			options: resolved
		};
	}

	if (study.samples) add(study.samples, precomputed);
	return {
		add(samples) {
			if (precomputed) throw new Error('createReportBuilder: a builder made from precomputed statistics takes no further samples');
			add(samples);
		},
		report,
		get sampleCount() {
			return sampleCount;
		}
	};
}
