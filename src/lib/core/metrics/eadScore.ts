/**
 * Expectation-adjusted distinct (Liu et al. 2022), averaged over n like distinctScore: for each n,
 * U / (V * (1 - ((V - 1) / V)^C)) with U unique and C total n-grams and V the vocabulary size; the
 * denominator is the number of distinct n-grams expected from C uniform draws out of V, so short
 * and long outputs become comparable.
 */
export function eadScore(unique: ArrayLike<number>, total: ArrayLike<number>, vocabulary: number): number | undefined {
	if (!(vocabulary > 1)) throw new RangeError(`eadScore needs a vocabulary size above 1, got ${vocabulary}`);
	let sum = 0;
	let count = 0;
	const logKeep = Math.log1p(-1 / vocabulary);
	for (let i = 0; i < total.length; i++) {
		const t = total[i] ?? 0;
		if (t > 0) {
			// -expm1(C * log(1 - 1/V)) = 1 - ((V-1)/V)^C without cancellation for large V.
			sum += (unique[i] ?? 0) / (vocabulary * -Math.expm1(t * logKeep));
			count++;
		}
	}
	return count > 0 ? sum / count : undefined;
}
