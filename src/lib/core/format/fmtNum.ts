/** A number with `digits` decimals; "n/a" for no value. */
export function fmtNum(v: number | undefined, digits = 3): string {
	return v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits);
}
