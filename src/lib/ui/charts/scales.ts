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

/** A model's colour: Okabe-Ito by its position in the study. */
export function seriesColor(order: number): string {
	return `var(--series-${(((order % 8) + 8) % 8) + 1})`;
}

export function fmtPct(v: number | undefined, digits = 1): string {
	return v === undefined || !Number.isFinite(v) ? 'n/a' : `${(v * 100).toFixed(digits)}%`;
}

export function fmtNum(v: number | undefined, digits = 3): string {
	return v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits);
}

export function fmtSigned(v: number | undefined, digits = 1, scale = 100): string {
	if (v === undefined || !Number.isFinite(v)) return 'n/a';
	const x = v * scale;
	return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
}

/** Round for stable SVG output (snapshots, export). */
export function r(v: number): number {
	return Math.round(v * 100) / 100;
}
