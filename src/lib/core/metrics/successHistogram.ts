/** The bins of successHistogram: exactly 0, the four quarters in between, exactly 1. */
export const SUCCESS_BINS = ['0', '(0, 0.25)', '[0.25, 0.5)', '[0.5, 0.75)', '[0.75, 1)', '1'] as const;

/**
 * Per-problem success rates c/n in SUCCESS_BINS: index 0 holds exact 0 and index 5 exact 1, so a
 * model pushed towards all-or-nothing shows its mass at both ends. Undefined or null rates (no
 * sampled output) are left out; undefined when none is left.
 */
export function successHistogram(rates: readonly (number | null | undefined)[]): number[] | undefined {
	const counts = [0, 0, 0, 0, 0, 0];
	let any = false;
	for (const rate of rates) {
		if (rate === null || rate === undefined || !(rate >= 0 && rate <= 1)) continue;
		any = true;
		counts[rate === 0 ? 0 : rate === 1 ? 5 : 1 + Math.min(3, Math.floor(rate * 4))]!++;
	}
	return any ? counts : undefined;
}
