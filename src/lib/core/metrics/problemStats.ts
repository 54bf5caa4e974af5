import type { Lap } from '../types';
import { answerDiversity } from './answerDiversity';
import { createSemanticSums } from './createSemanticSums';
import { DIVERSITY_METRICS, NGRAM_ORDERS, type ProblemAccumulator, type ProblemStats, type SampleFeatures } from './builderTypes';
import { distinctScore } from './distinctScore';
import { eadScore } from './eadScore';
import { majAtKCurve } from './majAtKCurve';
import { ngramCounts } from './ngramCounts';
import { passAtK } from './passAtK';

const MAX_N = NGRAM_ORDERS;

function orNaN(v: number | undefined): number {
	return v === undefined ? NaN : v;
}

function equationShare(samples: readonly SampleFeatures[]): number {
	const seen = new Set<string>();
	let total = 0;
	for (const s of samples) {
		for (const e of s.equations) seen.add(e);
		total += s.equations.length;
	}
	return total > 0 ? seen.size / total : NaN;
}

/**
 * Every per-problem statistic of one (model, problem), from its samples taken in index order (so
 * the result does not depend on the order in which samples arrived).
 */
export function problemStats(acc: ProblemAccumulator, ks: readonly number[], eadVocabulary: number, lap?: Lap): ProblemStats {
	const samples = [...acc.sampled.values()].sort((a, b) => a.index - b.index);
	const n = samples.length;
	let c = 0;
	for (const s of samples) if (s.correct) c++;
	const passes = new Float64Array(ks.length);
	const majs = new Float64Array(ks.length);
	// maj@k at every k and at n in one pass.
	const votes = majAtKCurve(samples, n > 0 ? [...ks, n] : ks);
	ks.forEach((k, i) => {
		passes[i] = orNaN(passAtK(n, c, k));
		majs[i] = orNaN(votes[i]);
	});
	const answers = n >= 2 ? answerDiversity(samples.map((s) => s.answer)) : undefined;

	lap?.('stats');
	const diversity = new Float64Array(3 * DIVERSITY_METRICS).fill(NaN);
	const skipped = new Uint8Array(3);
	const subsets = [samples, samples.filter((s) => s.correct), samples.filter((s) => !s.correct)];
	// A live builder keeps the sums between reports (createSemanticSums); else a one-off count.
	const semantic = acc.semantic ? acc.semantic.values(samples, acc.changedFrom ?? -Infinity) : createSemanticSums(Infinity).values(samples, -Infinity);
	// A live builder's table holds the same counts as a recount (createNgramTable).
	const counts =
		acc.ngrams && acc.ngrams.maxN === MAX_N
			? acc.ngrams
			: ngramCounts(
					samples.map((s) => s.tokens),
					Uint8Array.from(samples, (s) => (s.correct ? 1 : 2)),
					MAX_N
				);
	subsets.forEach((subset, g) => {
		if (subset.length < 2) {
			skipped[g] = 1;
			return;
		}
		const unique = counts.unique.subarray(g * MAX_N, (g + 1) * MAX_N);
		const total = counts.total.subarray(g * MAX_N, (g + 1) * MAX_N);
		const at = g * DIVERSITY_METRICS;
		diversity[at] = orNaN(distinctScore(unique, total));
		diversity[at + 1] = orNaN(eadScore(unique, total, eadVocabulary));
		diversity[at + 2] = semantic[g]!;
		const tally = acc.equations;
		diversity[at + 3] = tally ? (tally.total[g]! > 0 ? tally.distinct[g]! / tally.total[g]! : NaN) : equationShare(subset);
	});
	const wrongAnswerDistinct = subsets[2]!.length >= 2 ? (answerDiversity(subsets[2]!.map((s) => s.answer))?.distinctRatio ?? NaN) : NaN;
	lap?.('diversity');
	return {
		n,
		c,
		greedy: acc.greedy ? (acc.greedy.correct ? 1 : 0) : NaN,
		passAtK: passes,
		majAtK: majs,
		majAtN: orNaN(n > 0 ? votes[ks.length] : undefined),
		answerDistinct: answers ? answers.distinctRatio : NaN,
		answerEntropy: answers ? answers.entropy : NaN,
		wrongAnswerDistinct,
		diversity,
		skipped
	};
}
