/**
 * The canonical text of a numeric answer, so that "$1,200.50" and "1200.5" vote together in maj@k.
 * Twelve significant digits hide binary noise (0.1 + 0.2) without merging distinct answers.
 */
export function formatNumber(value: number): string {
	if (Object.is(value, -0)) return '0';
	const rounded = Number(value.toPrecision(12));
	return String(rounded);
}
