/**
 * Relative difference that is only floating-point noise: values computed two ways (2\sqrt{2} and
 * \sqrt{8}, or a polynomial at a probe point) differ by about 1e-16; distinct answers never this little.
 */
export const FLOAT_NOISE = 1e-12;

/** Equal within a relative tolerance (absolute near zero); by default only floating-point noise. */
export function numbersEqual(a: number, b: number, tolerance = FLOAT_NOISE): boolean {
	if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
	const scale = Math.max(Math.abs(a), Math.abs(b));
	return Math.abs(a - b) <= tolerance * Math.max(scale, 1e-3);
}
