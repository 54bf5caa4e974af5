/** Equal within a relative tolerance (absolute near zero), so 0.1 + 0.2 equals 0.3 and 1/3 equals 0.333333333. */
export function numbersEqual(a: number, b: number, tolerance = 1e-6): boolean {
	if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
	const scale = Math.max(Math.abs(a), Math.abs(b));
	return Math.abs(a - b) <= tolerance * Math.max(scale, 1e-3);
}
