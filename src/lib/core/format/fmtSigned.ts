/** A difference with its sign (a true minus sign), scaled (100: percentage points); "n/a" for no value. */
export function fmtSigned(v: number | undefined, digits = 1, scale = 100): string {
	if (v === undefined || !Number.isFinite(v)) return 'n/a';
	const x = v * scale;
	const size = Math.abs(x).toFixed(digits);
	// A change that rounds to nothing has no sign ("−0.0" read as a fall).
	if (Number(size) === 0) return size;
	return `${x > 0 ? '+' : '−'}${size}`;
}
