/**
 * Whether a problem is solvable by a model at k samples: at least one of its sampled outputs is
 * correct (pass@k > 0), among problems with at least k samples. Undefined with fewer than k
 * samples (or none): such a problem is left out, never counted as unsolvable.
 */
export function solvableAt(n: number, c: number, k: number): boolean | undefined {
	if (!(k >= 1) || n < k) return undefined;
	return c > 0;
}
