import type { Interval } from './reportTypes';

/**
 * The percentile interval of bootstrap replicates at the given confidence (linear interpolation
 * between order statistics, "type 7"). NaN replicates (no data drawn) are left out; undefined when
 * none remain.
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence = 0.95): Interval | undefined {
	if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
	const finite: number[] = [];
	for (let i = 0; i < replicates.length; i++) {
		const v = replicates[i]!;
		if (v === v) finite.push(v);
	}
	if (finite.length === 0) return undefined;
	const sorted = Float64Array.from(finite).sort();
	const at = (q: number): number => {
		const pos = q * (sorted.length - 1);
		const lo = Math.floor(pos);
		const hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
	};
	const tail = (1 - confidence) / 2;
	return { low: at(tail), high: at(1 - tail) };
}
