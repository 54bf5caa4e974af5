import { distinctScore } from './distinctScore';
import { ngramCounts } from './ngramCounts';
import { createTokenDictionary } from './createTokenDictionary';

/** Distinct-n of a set of texts pooled: mean over n = 1..maxN of unique / total n-grams of the shared tokenizer. */
export function distinctN(texts: readonly string[], maxN = 5): number | undefined {
	const dictionary = createTokenDictionary();
	const counts = ngramCounts(texts.map((t) => dictionary.ids(t)), new Uint8Array(texts.length), maxN);
	return distinctScore(counts.unique.subarray(0, maxN), counts.total.subarray(0, maxN));
}
