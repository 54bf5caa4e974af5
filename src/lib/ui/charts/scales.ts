// Shared pieces of every chart's pure layout: margins, ticks, number formats, series colours.
// Charts are laid out here in plain numbers so the same layout renders in Svelte, in the SVG
// export and in the Node snapshot tests.

export interface Tick {
	pos: number;
	label: string;
}

export interface Frame {
	width: number;
	height: number;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export function frame(width: number, height: number, margin = { left: 56, top: 12, right: 16, bottom: 44 }): Frame {
	return { width, height, left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
}

export { seriesColor } from './palette';

export { fmtNum, fmtPct, fmtSigned } from '$lib/core/format';

/**
 * A rate axis zoomed to the data: [0, 1] unless `zoom`, else the values' range (with their
 * intervals) padded and rounded to ticks of 5 or 10 points, at least 10 points tall, inside [0, 1].
 * `fromZero` keeps 0 at the bottom (bars must start at 0 to be read by their length).
 */
export function rateDomain(values: readonly number[], zoom: boolean, fromZero = false): [number, number] {
	if (!zoom || !values.length) return [0, 1];
	const step = 0.05;
	let lo = fromZero ? 0 : Math.max(0, Math.floor((Math.min(...values) - 0.02) / step + 1e-9) * step);
	let hi = Math.min(1, Math.ceil((Math.max(...values) + 0.02) / step - 1e-9) * step);
	if (hi - lo < 0.1) [lo, hi] = lo + 0.1 <= 1 ? [lo, lo + 0.1] : [0.9, 1];
	return [r(lo), r(hi)];
}

/** Ticks of a rate axis: every 20 points on [0, 1], finer on a zoomed domain. */
export function rateTicks([lo, hi]: readonly [number, number]): number[] {
	const span = hi - lo;
	const step = span > 0.6 ? 0.2 : span > 0.3 ? 0.1 : span > 0.15 ? 0.05 : 0.02;
	const out: number[] = [];
	for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(r(v) || 0);
	return out;
}

/** Round for stable SVG output (snapshots, export). */
export function r(v: number): number {
	return Math.round(v * 100) / 100;
}
