/**
 * Distinct-n averaged over n: the mean over n = 1..maxN of unique / total n-grams, over the n
 * that have at least one n-gram. Undefined when there is none at all.
 */
export function distinctScore(unique: ArrayLike<number>, total: ArrayLike<number>): number | undefined {
	let sum = 0;
	let count = 0;
	for (let i = 0; i < total.length; i++) {
		const t = total[i] ?? 0;
		if (t > 0) {
			sum += (unique[i] ?? 0) / t;
			count++;
		}
	}
	return count > 0 ? sum / count : undefined;
}
