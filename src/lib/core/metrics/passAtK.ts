/**
 * Unbiased pass@k (Chen et al. 2021) of one problem with n samples of which c are correct:
 * 1 - C(n-c, k) / C(n, k), in the product form 1 - prod_{i=n-c+1..n} (1 - k/i), which never forms
 * a binomial coefficient and so stays exact where C(n, k) would overflow.
 * Undefined when k > n (or n = 0): such a problem has no estimate, it is not a failure.
 */
export function passAtK(n: number, c: number, k: number): number | undefined {
	if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 0 || c < 0 || c > n || k < 1) {
		throw new RangeError(`passAtK(n, c, k) needs integers 0 <= c <= n and k >= 1, got n=${n}, c=${c}, k=${k}`);
	}
	if (n === 0 || k > n) return undefined;
	if (n - c < k) return 1;
	let failAll = 1;
	for (let i = n - c + 1; i <= n; i++) failAll *= 1 - k / i;
	return 1 - failAll;
}
