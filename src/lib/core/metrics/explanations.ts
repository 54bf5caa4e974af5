// "How is this computed?" texts, written from METRICS.md, including every choice the paper leaves
// open. Paragraphs are separated by a blank line. Keys are the tidy table's metric names plus a
// few topics (verdict, bootstrap, tokenizer, ood, sets).

import type { TidyMetric } from './tidyRows';

/** Every tidy metric with a number of its own, plus the topics behind several of them. */
export type ExplanationId =
	| Exclude<TidyMetric, 'reference_pass@k_on_improvement_set' | 'difference'>
	| 'answer_space'
	| 'ood'
	| 'bootstrap'
	| 'tokenizer'
	| 'verdict';

const TOKENIZER =
	'Tokens come from one tokenizer shared by every lexical metric: lower-cased runs of Unicode letters, marks and digits (a "." or "," between two digits stays inside a number, so 1,200.50 is one token), and every other non-space character as a token of its own (so <<48/2=24>> gives < < 48 / 2 = 24 > >).';

export const explanations: Record<ExplanationId, string> = {
	'pass@k':
		'pass@k is the chance that at least one of k samples is correct, estimated without bias from a problem\'s n samples of which c are correct (Chen et al. 2021): 1 - C(n-c, k) / C(n, k), computed as 1 - prod over i = n-c+1..n of (1 - k/i) so no huge binomial is ever formed; it is 1 when n - c < k. The value is the mean over problems.\n\nn is the number of samples of that problem (never the number of problems). A problem with fewer than k samples has no pass@k: it is left out and counted as "excluded", never scored as a failure. This is coverage@k in the sense of Brown et al. 2024, not the correct-answer coverage of the paper.',
	'maj@k':
		'maj@k (self-consistency) takes the first k samples of a problem (by sample index), votes over their extracted answers, and scores 1 when the winning answer is correct. A tie scores the fraction of tied answers that are correct (the expected value of a random tie-break). A sample without an extracted answer never wins; if none of the k has an answer the vote fails (0). Answers vote as extracted strings, so equal values written differently split their votes.',
	pass1_greedy: 'Greedy pass@1 is the share of problems whose greedy output (temperature 0) is correct: the paper\'s headline number. Problems without a greedy output are left out.',
	pass1_sampled: 'Sampled pass@1 is the mean over problems of c/n, the share of correct samples at the sampling temperature. It equals pass@k at k = 1.',
	coverage:
		'Correct-answer coverage (paper section 4.2) is the mean over problems of c/n at the sampling temperature: the probability mass the model puts on the correct region of its answer space. The paper reads coverage above 0.5 for the starting model as favouring preference-based iteration (DPO) and below 0.5 as favouring iterative SFT: a hint, not a law (one of the paper\'s own cells breaks it).\n\nIt is not coverage@k in the repeated-sampling sense (Brown et al. 2024), which is pass@k.',
	answer_space: 'The answer space of one problem is the distribution of the distinct answers its sampled outputs end with, with the mass on the correct one (c/n). Samples without an extracted answer are shown as "no answer". The greedy output is not part of it.',
	distinct_n: `Distinct-n is computed per problem over its sampled outputs pooled: unique n-grams / total n-grams, for n = 1 to 5, then averaged over n (orders with no n-gram are left out), then averaged over problems. It is computed for all samples, for correct samples only and for incorrect samples only; a problem with fewer than 2 samples in a subset is skipped for that subset and counted as skipped.\n\n${TOKENIZER} Diversity grows with n and output length: compare models only at equal n.`,
	ead: `Expectation-adjusted distinct (Liu et al. 2022) divides the unique n-gram count U by the number expected from C random draws out of a vocabulary of size V: U / (V (1 - ((V-1)/V)^C)), so that long and short outputs compare fairly; like Distinct-n it is averaged over n = 1..5 and then over problems. Our choice: V is one fixed number for every n and every model (option eadVocabulary, default 32,000, the size of a typical LLM tokenizer's vocabulary), since our tokens are words, not the model's own sub-word tokens.\n\n${TOKENIZER}`,
	semantic_diversity:
		'Semantic diversity is 1 - the mean cosine similarity over all pairs of a problem\'s samples, averaged over problems, for all, correct and incorrect samples (problems with fewer than 2 samples in a subset are skipped). Samples whose text gives no vector (empty output) are left out of the pairs. The embedder is named beside the number. Without a neural sentence-embedding model, the offline fallback "hashed n-gram cosine" hashes each sample\'s token unigrams and bigrams into 256 signed buckets: it measures shared wording, not meaning, and its values are not comparable with SBERT-based figures such as the paper\'s.',
	equation_diversity:
		'Distinct equations (logical diversity) collects the equations each sample writes: GSM8K calculator annotations such as <<48/2=24>> and plain statements "a op b = c". Each is normalised (no spaces or currency signs, x and × as *, ÷ as /, numbers by value so 1,200 = 1200 and 24.0 = 24) and counted once per sample; the value is unique equations / all equations across the problem\'s samples, averaged over problems. Problems whose samples write no equation have no value.',
	answer_diversity: 'Answer diversity is the number of distinct extracted answers divided by n, per problem over its sampled outputs, averaged over problems (problems with fewer than 2 samples are skipped). "No answer" counts as one outcome of its own.',
	answer_entropy: 'Answer entropy is the Shannon entropy, in bits, of the distribution of a problem\'s extracted answers over its sampled outputs ("no answer" is one outcome), averaged over problems. 0 means every sample gave the same answer; log2(n) that all differed.',
	accuracy: 'Accuracy per split or level uses the headline measure: greedy pass@1 when the study has greedy outputs, else sampled pass@1, over the problems of that split or level.',
	ood: 'Out-of-distribution generalisation: every accuracy measure computed separately on the in-domain and the OOD problems, with each model\'s difference from the reference. The paper\'s case: trained on GSM8K, in-domain accuracy rises while OOD MATH accuracy falls under iterative SFT.',
	group_disparity:
		'Group disparity (paper section 5.3) is (acc(easiest level) - acc(hardest level)) / acc(easiest level), with the headline accuracy per level: the share of the easiest level\'s accuracy lost at the hardest. The paper reports it x100 (MATH level 1 vs level 5). It has no value (n/a) when acc(easiest) = 0 or fewer than two levels have results.',
	improvement_set:
		'The improvement set IS(t) holds the problems model t solves and the reference does not; "solved" means the greedy output is correct, or, without a greedy output, maj@n is at least 0.5 (the report states which rule it used). For IS(t) we show the reference\'s own pass@k: a high value means t mostly selected answers the reference could already reach by sampling, not a new ability.',
	regression_set: 'The regression set RS(t) holds the problems the reference solves and model t no longer does (forgotten problems), with the same "solved" rule as the improvement set.',
	within_reference_reach: 'Within reach: of the problems model t newly solves (IS(t)), the share where at least one of the reference\'s n samples was already correct (the reference\'s pass@n on IS(t)).',
	bootstrap:
		'Every interval is a 95% percentile interval from a problem-level bootstrap: problems are resampled with replacement (B = 2,000 by default) and each statistic is recomputed from the per-problem values of the resampled problems. The generator is seeded (the study seed by default), so the same data always gives the same interval. A difference between two models uses the same resampled problems for both (paired bootstrap). Problems without a value for a statistic are left out of it, in the estimate as in every resample; a statistic over part of the problems (a split, a level, IS(t)) uses the resampled problems that fall in that part, so their number varies from resample to resample. Resample sums are kept in exact integer arithmetic (values in steps of 2^-30), so a report updated sample by sample has exactly the intervals of one computed at once.',
	tokenizer: TOKENIZER,
	verdict:
		'The verdict compares each model t with the reference on the same problems. Headline progress: pass@1 (greedy when present, else sampled) rises and its paired 95% interval excludes 0. Regression signals, each firing only when its paired interval excludes 0 in the bad direction: pass@n (the largest k both models were sampled at) falls; Distinct-n, semantic diversity or distinct equations of the correct samples falls (the paper\'s measure; over all samples these fall whenever accuracy rises, since correct solutions resemble each other; option verdictDiversitySubset), or the diversity of the incorrect samples\' answers falls (over all samples it too falls with any accuracy gain); OOD accuracy falls; the hardest level\'s accuracy falls; group disparity rises; forgetting, which fires when the forgotten problems RS(t) outnumber half the newly solved IS(t) (per-problem value 1 for RS, -0.5 for IS, mean above 0; the ratio is the option forgettingRatio).\n\nReversal = headline progress and at least one regression signal; progress = headline progress and none; regression = the headline falls, or does not rise while a signal fires; otherwise inconclusive. Every signal is listed with its numbers, fired or not.'
};

const TOPICS: Record<string, ExplanationId> = {
	passAtK: 'pass@k',
	majAtK: 'maj@k',
	pass1Greedy: 'pass1_greedy',
	pass1Sampled: 'pass1_sampled',
	answerSpace: 'answer_space',
	distinctN: 'distinct_n',
	semantic: 'semantic_diversity',
	equations: 'equation_diversity',
	answerDiversity: 'answer_diversity',
	entropy: 'answer_entropy',
	groupDisparity: 'group_disparity',
	improvementSets: 'improvement_set',
	regressionSet: 'regression_set',
	withinReferenceReach: 'within_reference_reach'
};

/** The explanation of a tidy metric name or of a report field name (passAtK, distinctN, ...). */
export function explanationFor(topic: string): string | undefined {
	if (topic in explanations) return explanations[topic as ExplanationId];
	const id = TOPICS[topic];
	return id ? explanations[id] : undefined;
}
