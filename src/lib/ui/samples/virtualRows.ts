// Fixed-height virtualisation over two row kinds: offsets are a prefix sum, the visible window
// a binary search, so 160,000 samples scroll as smoothly as 100.
import type { BrowserRow } from './sampleQuery';

export const PROBLEM_ROW = 76;
/** A problem's header in a narrow browser: its facts wrap onto up to three lines above the question. */
export const PROBLEM_ROW_NARROW = 124;
/** Below this width (px) of the browser, problem headers take PROBLEM_ROW_NARROW. */
export const NARROW_BROWSER = 640;
export const SAMPLE_ROW = 150;

/** A problem header's height in a browser `width` px wide (0: not measured yet). */
export function problemRowHeight(width: number): number {
	return width > 0 && width < NARROW_BROWSER ? PROBLEM_ROW_NARROW : PROBLEM_ROW;
}

export function rowOffsets(rows: BrowserRow[], problemRow = PROBLEM_ROW): Float64Array {
	const out = new Float64Array(rows.length + 1);
	for (let i = 0; i < rows.length; i++) out[i + 1] = (out[i] ?? 0) + (rows[i]?.kind === 'problem' ? problemRow : SAMPLE_ROW);
	return out;
}

/** Rows [start, end) that intersect [top, top + height), with `overscan` extra rows each side. */
export function visibleRange(offsets: Float64Array, top: number, height: number, overscan = 4): [number, number] {
	const n = offsets.length - 1;
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((offsets[mid + 1] ?? 0) <= top) lo = mid + 1;
		else hi = mid;
	}
	let end = lo;
	while (end < n && (offsets[end] ?? 0) < top + height) end++;
	return [Math.max(0, lo - overscan), Math.min(n, end + overscan)];
}
