/** A difference with its sign (a true minus sign), scaled (100: percentage points); "n/a" for no value. */
export function fmtSigned(v: number | undefined, digits = 1, scale = 100): string {
	if (v === undefined || !Number.isFinite(v)) return 'n/a';
	const x = v * scale;
	return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
}
