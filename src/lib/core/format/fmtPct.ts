/** A proportion as a percentage with `digits` decimals; "n/a" for no value. */
export function fmtPct(v: number | undefined, digits = 1): string {
	return v === undefined || !Number.isFinite(v) ? 'n/a' : `${(v * 100).toFixed(digits)}%`;
}
