import { eadScore } from './eadScore';
import { ngramCounts } from './ngramCounts';
import { createTokenDictionary } from './createTokenDictionary';

/** Expectation-adjusted distinct of a set of texts pooled, averaged over n = 1..maxN. */
export function ead(texts: readonly string[], vocabulary = 32000, maxN = 5): number | undefined {
	const dictionary = createTokenDictionary();
	const counts = ngramCounts(texts.map((t) => dictionary.ids(t)), new Uint8Array(texts.length), maxN);
	return eadScore(counts.unique.subarray(0, maxN), counts.total.subarray(0, maxN), vocabulary);
}
