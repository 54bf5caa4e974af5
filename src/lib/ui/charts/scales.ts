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

/** Round for stable SVG output (snapshots, export). */
export function r(v: number): number {
	return Math.round(v * 100) / 100;
}
