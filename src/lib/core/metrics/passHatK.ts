/**
 * pass^k (reliability; Inspect, tau-bench) of one problem with n samples of which c are correct:
 * the chance that k samples drawn without replacement are all correct, C(c, k) / C(n, k), in the
 * product form prod_{i=0..k-1} (c - i) / (n - i). Undefined when k > n (or n = 0), never 0.
 */
export function passHatK(n: number, c: number, k: number): number | undefined {
	if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 0 || c < 0 || c > n || k < 1) {
		throw new RangeError(`passHatK(n, c, k) needs integers 0 <= c <= n and k >= 1, got n=${n}, c=${c}, k=${k}`);
	}
	if (n === 0 || k > n) return undefined;
	if (c < k) return 0;
	let all = 1;
	for (let i = 0; i < k; i++) all *= (c - i) / (n - i);
	return all;
}
