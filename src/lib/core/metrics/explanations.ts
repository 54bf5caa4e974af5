// "How is this computed?" texts: every metric's own from its registry descriptor, plus the topics
// behind several metrics (answer space, OOD, bootstrap, tokenizer, verdict).

import { METRICS } from './metricRegistry';
import { TOKENIZER_TEXT } from './tokenizerText';

const TOPICS: Record<string, string> = {
	answer_space: 'The answer space of one problem is the distribution of the distinct answers its sampled outputs end with, with the mass on the correct one (c/n). Samples without an extracted answer are shown as "no answer". The greedy output is not part of it.',
	ood: 'Out-of-distribution generalisation: every accuracy measure computed separately on the in-domain and the OOD problems, with each model\'s difference from the reference. The paper\'s case: trained on GSM8K, in-domain accuracy rises while OOD MATH accuracy falls under iterative SFT.',
	bootstrap: 'Every interval is a 95% percentile interval from a problem-level bootstrap: problems are resampled with replacement (B = 2,000 by default) and each statistic is recomputed from the per-problem values of the resampled problems. The generator is seeded (the study seed by default), so the same data always gives the same interval. A difference between two models uses the same resampled problems for both (paired bootstrap). Problems without a value for a statistic are left out of it, in the estimate as in every resample; a statistic over part of the problems (a split, a level, IS(t)) uses the resampled problems that fall in that part, so their number varies from resample to resample. Resample sums are kept in exact integer arithmetic (values in steps of 2^-30), so a report updated sample by sample has exactly the intervals of one computed at once.',
	tokenizer: TOKENIZER_TEXT,
	verdict: 'The verdict compares each model t with the reference on the same problems. Headline progress: pass@1 (greedy when present, else sampled) rises and its paired 95% interval excludes 0. Regression signals, each firing only when its paired interval excludes 0 in the bad direction: pass@n (the largest k both models were sampled at) falls; Distinct-n, semantic diversity or distinct equations of the correct samples falls (the paper\'s measure; over all samples these fall whenever accuracy rises, since correct solutions resemble each other; option verdictDiversitySubset), or the diversity of the incorrect samples\' answers falls (over all samples it too falls with any accuracy gain); OOD accuracy falls; the hardest level\'s accuracy falls; group disparity rises; forgetting, which fires when the forgotten problems RS(t) outnumber half the newly solved IS(t) (per-problem value 1 for RS, -0.5 for IS, mean above 0; the ratio is the option forgettingRatio); the crossover (Yue et al. 2025), which fires when t leads at k = 1 (sampled pass@1, paired interval above 0) and the pass@k curves cross, with the reference ahead at the largest common k (paired interval below 0); solvable only by the reference, which fires when the share of problems that only the reference solves at the largest common k (at least one correct sample) has an interval above 0. Practical significance: a signal fires, and the headline counts as a rise or a fall, only when the change is also at least the minimum effect (option minEffect; defaults 2 points for accuracy-like measures, 0.02 for diversity on its 0-1 scale, 1 problem for set sizes); a card says when an interval was clear but the change smaller.\n\nReversal = headline progress and at least one regression signal; progress = headline progress and none; regression = the headline falls, or does not rise while a signal fires; otherwise inconclusive. Every signal is listed with its numbers, fired or not.'
};

/** Every explanation by the tidy table's metric name or topic name. */
export const explanations: Readonly<Record<string, string>> = Object.freeze({
	...Object.fromEntries(METRICS.map((m) => [m.csv, m.explanation])),
	...TOPICS
});

const BY_ID: ReadonlyMap<string, string> = new Map([...METRICS.map((m): [string, string] => [m.id, m.explanation]), ['answerSpace', TOPICS.answer_space!]]);

/** The explanation of a metric id (passAtK, distinctN, ...), a tidy metric name (pass@k) or a topic (verdict, bootstrap). */
export function explanationFor(topic: string): string | undefined {
	return Object.hasOwn(explanations, topic) ? explanations[topic] : BY_ID.get(topic);
}
