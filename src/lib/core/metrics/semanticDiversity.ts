/**
 * 1 - mean pairwise cosine similarity over m >= 2 vectors (undefined below 2). With unit vectors
 * u_i and S = sum u_i, the sum over ordered pairs i != j of u_i . u_j is |S|^2 - m, so the mean
 * costs O(m * d) instead of O(m^2 * d). A zero vector (an empty text) has no direction: it is left
 * out, rather than counted as unlike everything.
 */
export function semanticDiversity(vectors: readonly Float32Array[]): number | undefined {
	if (vectors.length < 2) return undefined;
	const d = vectors[0]?.length ?? 0;
	const sum = new Float64Array(d);
	let m = 0;
	for (const v of vectors) {
		if (v.length !== d) throw new RangeError(`semanticDiversity: vectors differ in length (${v.length} vs ${d})`);
		let norm = 0;
		for (let i = 0; i < d; i++) norm += (v[i] ?? 0) ** 2;
		if (norm === 0) continue;
		const scale = 1 / Math.sqrt(norm);
		for (let i = 0; i < d; i++) sum[i]! += (v[i] ?? 0) * scale;
		m++;
	}
	if (m < 2) return undefined;
	let sq = 0;
	for (let i = 0; i < d; i++) sq += (sum[i] ?? 0) ** 2;
	const meanCos = (sq - m) / (m * (m - 1));
	return 1 - meanCos;
}
