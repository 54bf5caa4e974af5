/** The k of the curves: 1, 2, 4, ... up to n, and n itself when it is not a power of two. */
export function kValues(n: number): number[] {
	const ks: number[] = [];
	if (!(n >= 1)) return ks;
	for (let k = 1; k <= n; k *= 2) ks.push(k);
	if (ks[ks.length - 1] !== Math.floor(n)) ks.push(Math.floor(n));
	return ks;
}
