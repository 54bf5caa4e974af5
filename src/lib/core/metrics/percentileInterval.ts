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

/** The replicates copied without NaN, and the sampled values of bracketFor (reused). */
let finite = new Float64Array(2048);
let sample = new Float64Array(0);
/** Replicates inside each quantile's bracket (reused; grown as needed). */
let inLow = new Float64Array(256);
let inHigh = new Float64Array(256);

/** The sample's order statistic k (selection rearranges the sample, which does not matter). */
function sampled(k: number, m: number): number {
	select(sample, k, 0, m - 1);
	return sample[k]!;
}

/** The sample values bracketing the order statistic at fraction q, with margin: [below, above]. */
function bracketFor(q: number, m: number): [number, number] {
	const at = q * (m - 1);
	const margin = 2.5 * Math.sqrt(m * q * (1 - q)) + 2;
	return [sampled(Math.max(0, Math.floor(at - margin)), m), sampled(Math.min(m - 1, Math.ceil(at + margin)), m)];
}

/**
 * Both quantiles from one pass over `values` (n of them): a regular sample of the values, sorted,
 * gives for each quantile a bracket of values that should hold its two order statistics; one pass
 * counts the values below each bracket and gathers those inside; the order statistics are then
 * read from the sorted few inside. Exact (only the speed depends on the sample); undefined when a
 * bracket missed its order statistics, for the caller to select in full.
 */
function bracketed(values: Float64Array, qs: readonly [number, number]): [number, number] | undefined {
	const n = values.length;
	const step = Math.max(1, Math.floor(n / 128));
	const m = Math.floor((n - 1) / step) + 1;
	if (sample.length < m) sample = new Float64Array(m);
	for (let i = 0; i < m; i++) sample[i] = values[i * step]!;
	const [lowFrom, lowTo] = bracketFor(qs[0], m);
	const [highFrom, highTo] = bracketFor(qs[1], m);
	if (inLow.length < n) inLow = new Float64Array(n);
	if (inHigh.length < n) inHigh = new Float64Array(n);
	let belowLow = 0;
	let belowHigh = 0;
	let nl = 0;
	let nh = 0;
	for (let i = 0; i < n; i++) {
		const v = values[i]!;
		if (v < lowFrom) belowLow++;
		else if (v <= lowTo) inLow[nl++] = v;
		if (v < highFrom) belowHigh++;
		else if (v <= highTo) inHigh[nh++] = v;
	}
	const read = (q: number, below: number, inside: Float64Array, count: number): number | undefined => {
		const pos = q * (n - 1);
		const lo = Math.floor(pos);
		const need = pos === lo ? lo : lo + 1;
		if (lo < below || need >= below + count) return undefined;
		const k = lo - below;
		select(inside, k, 0, count - 1);
		const low = inside[k]!;
		if (pos === lo) return low;
		let next = Infinity;
		for (let i = k + 1; i < count; i++) if (inside[i]! < next) next = inside[i]!;
		return low + (pos - lo) * (next - low);
	};
	const low = read(qs[0], belowLow, inLow, nl);
	const high = read(qs[1], belowHigh, inHigh, nh);
	return low === undefined || high === undefined ? undefined : [low, high];
}

/**
 * The percentile interval of bootstrap replicates at the given confidence (linear interpolation
 * between order statistics, "type 7"). NaN replicates (no data drawn) are left out; undefined when
 * none remain. Uses selection, not a sort: a report takes hundreds of these, and a live report
 * hundreds per update.
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence = 0.95): Interval | undefined {
	if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
	if (finite.length < replicates.length) finite = new Float64Array(replicates.length);
	let n = 0;
	for (let i = 0; i < replicates.length; i++) {
		const v = replicates[i]!;
		if (v === v) finite[n++] = v;
	}
	if (n === 0) return undefined;
	const values = finite.subarray(0, n);
	const tail = (1 - confidence) / 2;
	const both = n >= 256 ? bracketed(values, [tail, 1 - tail]) : undefined;
	if (both) return { low: both[0], high: both[1] };
	return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
}
