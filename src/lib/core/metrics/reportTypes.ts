// The Report: everything the dashboard and the command-line tool show, as plain data.
// Produced only by computeReport(bundle, options) (and its incremental form).
// Convention: a value over no data is `undefined` (shown as "n/a"), never 0 and never NaN.

import type { Split } from '../types';

export interface Interval {
	low: number;
	high: number;
}

/** A point estimate over problems, with its problem-level bootstrap interval. */
export interface Estimate {
	value: number | undefined;
	ci?: Interval;
	/** Problems that contributed to the value. */
	problems: number;
}

/** A difference model t - reference on the same problems, with its paired bootstrap interval. */
export interface Difference {
	delta: number | undefined;
	ci?: Interval;
	problems: number;
}

export interface CurvePoint {
	k: number;
	value: number | undefined;
	ci?: Interval;
	problems: number;
	/** Problems excluded because they have fewer than k samples: never scored as failures. */
	excluded: number;
}

/** One value of a measure over a grid (k for pass^k, tau for cover@tau), as a registry measure gives it. */
export interface MeasurePoint {
	at: number;
	value: number | undefined;
	ci?: Interval;
	problems: number;
}

export type SolvedRule = 'greedy' | 'maj@n';

export interface ImprovementSets {
	/** Problems solved by model t and not by the reference. */
	improved: string[];
	/** Problems solved by the reference and not by model t (forgotten). */
	regressed: string[];
	/** The reference's pass@k restricted to IS(t), k = 1, 2, 4, ..., n. */
	referencePassAtKOnImproved: CurvePoint[];
	/** Share of IS(t) with at least one correct reference sample among its n (pass@n on IS). */
	withinReferenceReach: Estimate;
}

export type DiversitySubset = 'all' | 'correct' | 'incorrect';

export interface DiversityValues {
	/** Distinct-n averaged over n = 1..5. */
	distinctN: Estimate;
	/** Expectation-adjusted distinct (Liu et al. 2022), averaged over n = 1..5. */
	ead: Estimate;
	/** 1 - mean pairwise cosine similarity of embeddings. */
	semantic: Estimate;
	/** Unique / total normalised equations. */
	equations: Estimate;
	/** Problems skipped for this subset (fewer than 2 samples in it). */
	skipped: number;
}

export interface AnswerDiversity {
	/** Distinct extracted answers / n. */
	distinctRatio: Estimate;
	/** Shannon entropy of the answer distribution, in bits. */
	entropy: Estimate;
}

export interface AccuracyBlock {
	pass1Greedy: Estimate;
	pass1Sampled: Estimate;
	passAtK: CurvePoint[];
	majAtK: CurvePoint[];
}

export interface LevelAccuracy {
	level: number;
	/** Accuracy on the level, by the solved rule's measure (greedy pass@1, else sampled pass@1). */
	accuracy: Estimate;
}

export interface GroupDisparity {
	/** (acc(easiest) - acc(hardest)) / acc(easiest); undefined when acc(easiest) = 0 or levels are missing. */
	value: number | undefined;
	ci?: Interval;
	easiestLevel?: number;
	hardestLevel?: number;
}

export type SignalId =
	| 'pass1'
	| 'passAtN'
	| 'distinctN'
	| 'semantic'
	| 'equations'
	| 'answerDiversity'
	| 'ood'
	| 'hardestLevel'
	| 'groupDisparity'
	| 'forgetting'
	| 'crossover'
	| 'solvableOnlyReference';

export interface Signal {
	id: SignalId;
	/** Human-readable, e.g. "pass@16", "Distinct-n (correct samples)". */
	label: string;
	/** Model t minus reference (for groupDisparity and forgetting: the quantity whose rise is bad). */
	difference: Difference;
	/** True when the paired interval excludes 0 in the direction this signal watches. */
	fired: boolean;
	/** Which direction is bad for a regression signal; 'up' is good for the headline. */
	badDirection: 'down' | 'up';
	/** Why the signal could not be evaluated, if it could not. */
	unavailable?: string;
	/** The least change that counts (on the difference's scale): a clear interval with a smaller change does not fire. */
	minEffect: number;
	/** The interval was clear in the watched direction, but the change was smaller than minEffect. */
	belowMinEffect?: true;
}

export type VerdictKind = 'reversal' | 'progress' | 'regression' | 'inconclusive';

export interface Verdict {
	model: string;
	reference: string;
	kind: VerdictKind;
	/** pass@1 (greedy when present, else sampled) difference. */
	headline: Signal;
	/** Every regression signal, fired or not, in a stable order. */
	signals: Signal[];
	/** One sentence, e.g. "pass@1 +7.1 points, but pass@16 -4.0 and OOD -3.5: reversal". */
	summary: string;
}

/** Problems of one region of the two-set diagram: their ids, and their count with its bootstrap interval. */
export interface SolvableRegion {
	ids: string[];
	count: number;
	ci?: Interval;
}

/**
 * Solvable sets of model t and the reference at the largest k both were sampled at: a problem is
 * solvable when at least one of its sampled outputs is correct. Problems with fewer than k samples
 * from either model are left out.
 */
export interface SolvableSets {
	k: number;
	both: SolvableRegion;
	onlyModel: SolvableRegion;
	onlyReference: SolvableRegion;
	/** Problems neither model solves at k. */
	neither: number;
	/** Problems compared (in one of the four regions). */
	problems: number;
}

/** Model t against the reference beyond the improvement sets (Yue et al. 2025). */
export interface Versus {
	/** Where the pass@k curves cross; absent when t is not ahead at k = 1 or they never meet. */
	crossover?: { k: number; leadsUpTo: number };
	/** Absent when the two models have no sampled outputs in common. */
	solvable?: SolvableSets;
}

export interface ModelReport {
	model: string;
	label: string;
	order: number;
	/** Problems with at least one sample from this model. */
	problems: number;
	/** Smallest and largest sampled n per problem (greedy excluded). */
	samplesPerProblem: { min: number; max: number };
	accuracy: AccuracyBlock;
	bySplit: Partial<Record<Split, AccuracyBlock>>;
	byLevel: LevelAccuracy[];
	groupDisparity: GroupDisparity;
	/** Correct-answer coverage: mean over problems of c/n at the sampling temperature. */
	coverage: Estimate;
	diversity: Record<DiversitySubset, DiversityValues>;
	answerDiversity: AnswerDiversity;
	/** Per-problem success rate c/n of the sampled outputs, in the study's problem order; null without samples. */
	successRates: (number | null)[];
	/** The registry's per-problem measures (pass^k, cover@tau, ...) by metric id, over their grid. */
	measures: Record<string, MeasurePoint[]>;
	/** Absent for the reference itself. */
	sets?: ImprovementSets;
	/** Absent for the reference itself. */
	versus?: Versus;
	verdict?: Verdict;
}

export interface ReportOptions {
	/** Model id of the reference; default the study's reference, else the first model. */
	reference?: string;
	/** Bootstrap resamples; default 2000. 0 disables intervals. */
	bootstrap?: number;
	/** Seed of the bootstrap generator; default the study seed. */
	bootstrapSeed?: number;
	/** Interval level; default 0.95. */
	confidence?: number;
	/** Vocabulary size V of EAD (expectation-adjusted distinct); default 32000. */
	eadVocabulary?: number;
	/** Diversity subset watched by the verdict's lexical, semantic and equation signals; default 'correct' (the paper's measure). */
	verdictDiversitySubset?: DiversitySubset;
	/** The forgetting signal fires when |RS(t)| exceeds this multiple of |IS(t)| (paired interval); default 0.5. */
	forgettingRatio?: number;
	/** Practical significance (METRICS.md section 10): the least change a signal (and the headline) must show beside a clear interval; default 2 points, 0.02, 1 problem (each kind on its own). */
	minEffect?: Partial<MinEffect>;
}

/** Report options with every default filled in (what a report records it was computed with). */
export type ResolvedOptions = Required<Omit<ReportOptions, 'minEffect'>> & { minEffect: MinEffect };

/** The least change that counts, by kind of measure, each on the measure's own scale. */
export interface MinEffect {
	/** Accuracy-like rates (pass@k, OOD, a level, group disparity), as a share: 0.02 = 2 points. */
	accuracy: number;
	/** Diversity measures on their 0-1 scale. */
	diversity: number;
	/** Set sizes (forgetting, problems only the reference solves), in problems. */
	problems: number;
}

export interface Report {
	format: 'reversal-lab/report';
	version: 1;
	reference: string;
	/** k = 1, 2, 4, ... up to the common n (and n itself). */
	ks: number[];
	/** The rule used for "solved" in the improvement sets. */
	solvedRule: SolvedRule;
	/** Name of the embedder behind semantic diversity, e.g. "hashed n-gram cosine (offline fallback)". */
	embedder: string;
	models: ModelReport[];
	/** Things the reader must know: unequal n across models, problems excluded, etc. */
	warnings: string[];
	/** Resolved options, so the report says how it was computed. */
	options: ResolvedOptions;
}
