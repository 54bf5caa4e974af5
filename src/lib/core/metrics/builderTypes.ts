// Internal shapes of the report builder: per-sample features computed once on arrival, and the
// per-(model, problem) statistics that every aggregate and bootstrap reads as arrays.

export interface SampleFeatures {
	index: number;
	answer: string | null;
	correct: boolean;
	/** The shared tokenizer's tokens as ids of one TokenDictionary (the builder's or the thread's). */
	tokens: Int32Array;
	vector: Float32Array;
	/** 1 / |vector| (0 for a zero vector), filled by problemStats the first time it needs it. */
	unit?: number;
	equations: string[];
}

export interface ProblemAccumulator {
	greedy?: { answer: string | null; correct: boolean };
	sampled: Map<number, SampleFeatures>;
	/** Statistics of the current samples; undefined when samples changed since they were computed. */
	stats?: ProblemStats;
	/**
	 * The n-gram counts of the sampled outputs, kept up to date as samples arrive (a live report
	 * builder's); undefined when not kept, or when a replaced sample made it stale.
	 */
	ngrams?: import('./createNgramTable').NgramTable;
	/** The distinct-equation counts, kept like `ngrams`. */
	equations?: import('./createEquationTally').EquationTally;
	/** The semantic-diversity sums, kept between reports by a live builder. */
	semantic?: import('./createSemanticSums').SemanticSums;
	/** Lowest index of a sampled output added or replaced since `semantic` last ran (Infinity: none). */
	changedFrom?: number;
}

/** Diversity statistics per subset, in this order, at diversity[subset * DIVERSITY_METRICS + metric]. */
export const DIVERSITY_SUBSETS = ['all', 'correct', 'incorrect'] as const;
export const DIVERSITY_METRICS = 4; // distinct-n, EAD, semantic, equations
/** Distinct-n and EAD average over n = 1..NGRAM_ORDERS. */
export const NGRAM_ORDERS = 5;

/** One (model, problem). NaN marks "no value", so the arrays go to the bootstrap unchanged. */
export interface ProblemStats {
	/** Sampled outputs and correct ones among them (greedy excluded). */
	n: number;
	c: number;
	/** 1 / 0 for the greedy output, NaN without one. */
	greedy: number;
	/** pass@k and maj@k at the report's ks; NaN where k > n. */
	passAtK: Float64Array;
	majAtK: Float64Array;
	/** maj@n over all sampled outputs; NaN when n = 0. */
	majAtN: number;
	/** Distinct answers / n and entropy in bits; NaN when n < 2. */
	answerDistinct: number;
	answerEntropy: number;
	/** Distinct answers among incorrect samples / their number; NaN below 2 incorrect samples. */
	wrongAnswerDistinct: number;
	diversity: Float64Array;
	/** 1 where a subset had fewer than 2 samples (skipped), per DIVERSITY_SUBSETS. */
	skipped: Uint8Array;
}

/** What every aggregate of one report shares. */
export interface ReportContext {
	problems: readonly import('../types').Problem[];
	ks: readonly number[];
	/** 'greedy' when the study has greedy outputs: headline = greedy pass@1, else sampled pass@1. */
	rule: import('./reportTypes').SolvedRule;
	/** Per-problem statistic columns with their bootstrap, kept between reports. */
	store: import('./createColumnStore').ColumnStore;
	/** False when intervals are off (bootstrap = 0). */
	intervals: boolean;
	confidence: number;
	/** Diversity subset watched by the verdict's diversity signals. */
	verdictSubset: import('./reportTypes').DiversitySubset;
	forgettingRatio: number;
	minEffect: import('./reportTypes').MinEffect;
}
