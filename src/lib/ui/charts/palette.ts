// The series palette: 16 colours per theme and a second channel (marker shape and line dash), so a
// study of a dozen models never draws two series alike. Every colour has at least 3:1 contrast
// against its theme's background (tests/unit/ui/palette.test.ts checks it against app.css, which
// holds the same values as CSS variables). The first eight are Okabe-Ito (darkened on white where
// needed), the most distinct under colour-vision deficiency; past them, pairs that a simulated
// deficiency brings close are told apart by shape.
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';

export const SERIES_LIGHT = [
	'#0072b2', '#d55e00', '#009e73', '#b8558f', '#8f7400', '#332288', '#882255', '#117733',
	'#4f8a10', '#aa4499', '#2b8273', '#c23b5a', '#222222', '#8c510a', '#6a3d9a', '#1f8fbf'
] as const;
export const SERIES_DARK = [
	'#3d9be0', '#ff7a33', '#1fbf8f', '#e08fbf', '#e6c000', '#9f8ff0', '#e0508a', '#5fbf4f',
	'#b0e070', '#c070c0', '#5fd0c0', '#ff99a0', '#d0d0d0', '#c08040', '#c0a0ff', '#56b4e9'
] as const;
export const BACKGROUND = { light: '#ffffff', dark: '#121416' } as const;

export const SERIES_COUNT = SERIES_LIGHT.length;

/** A model's colour by its position in the study. */
export function seriesColor(order: number): string {
	return `var(--series-${(((order % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT) + 1})`;
}

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'] as const;
export type Shape = (typeof SHAPES)[number];
const SYMBOL: Record<Shape, SymbolType> = {
	circle: symbolCircle,
	square: symbolSquare,
	triangle: symbolTriangle,
	diamond: symbolDiamond,
	cross: symbolCross,
	star: symbolStar,
	wye: symbolWye
};
export const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

/** A label's chain: its text without the trailing number ("D3" -> "D", "Iteration 2" -> "Iteration"). */
export const chainOf = (label: string): string => label.replace(/[\s_-]*\d+$/, '').trim() || label;

export interface SeriesMark {
	color: string;
	shape: Shape;
	/** SVG stroke-dasharray of the series' line; undefined is solid. */
	dash: string | undefined;
}

/**
 * Colour, marker shape and dash of every series, by id. When the labels fall into 2 to 7 chains
 * (M1..M5, D2..D5, A3..A5) a chain shares its shape and dash, so chains read as groups; otherwise
 * the shape follows the order. Past 16 series the colours repeat, with the next shape.
 */
export function seriesMarks(series: readonly { id: string; label: string; order: number }[]): Map<string, SeriesMark> {
	const chains = [...new Set(series.map((s) => chainOf(s.label)))];
	const byChain = chains.length >= 2 && chains.length <= SHAPES.length && chains.length < series.length;
	return new Map(
		series.map((s) => {
			const chain = byChain ? chains.indexOf(chainOf(s.label)) : 0;
			const lap = Math.floor(Math.max(0, s.order) / SERIES_COUNT);
			const shapeIndex = byChain ? chain + lap : s.order + lap;
			return [
				s.id,
				{
					color: seriesColor(s.order),
					shape: SHAPES[((shapeIndex % SHAPES.length) + SHAPES.length) % SHAPES.length]!,
					dash: byChain ? DASHES[chain % DASHES.length] : undefined
				}
			];
		})
	);
}

/** The SVG path of a marker of `size` square pixels, centred on 0,0. */
export function shapePath(shape: Shape, size = 64): string {
	return symbol(SYMBOL[shape], size)() ?? '';
}
