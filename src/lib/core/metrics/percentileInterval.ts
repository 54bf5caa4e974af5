import type { Interval } from './reportTypes';

/** Rearranges a[left..right] so that a[k] is the value a full sort would put there (quickselect). */
function select(a: Float64Array, k: number, left: number, right: number): void {
	while (right > left) {
		// Median-of-three pivot: sorted or constant replicates stay linear.
		const mid = (left + right) >>> 1;
		const x = a[left]!;
		const y = a[mid]!;
		const z = a[right]!;
		const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
		let i = left;
		let j = right;
		while (i <= j) {
			while (a[i]! < pivot) i++;
			while (a[j]! > pivot) j--;
			if (i <= j) {
				const t = a[i]!;
				a[i] = a[j]!;
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else return;
	}
}

/** The q-quantile by linear interpolation between order statistics ("type 7"); rearranges `a`. */
function quantile(a: Float64Array, q: number): number {
	const pos = q * (a.length - 1);
	const lo = Math.floor(pos);
	select(a, lo, 0, a.length - 1);
	const low = a[lo]!;
	if (pos === lo) return low;
	// After selection everything right of lo is >= a[lo]: the next order statistic is their minimum.
	let next = Infinity;
	for (let i = lo + 1; i < a.length; i++) if (a[i]! < next) next = a[i]!;
	return low + (pos - lo) * (next - low);
}

/**
 * The percentile interval of bootstrap replicates at the given confidence (linear interpolation
 * between order statistics, "type 7"). NaN replicates (no data drawn) are left out; undefined when
 * none remain. Uses selection, not a sort: a report takes hundreds of these.
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence = 0.95): Interval | undefined {
	if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
	const finite = new Float64Array(replicates.length);
	let n = 0;
	for (let i = 0; i < replicates.length; i++) {
		const v = replicates[i]!;
		if (v === v) finite[n++] = v;
	}
	if (n === 0) return undefined;
	const values = finite.subarray(0, n);
	const tail = (1 - confidence) / 2;
	return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
}
