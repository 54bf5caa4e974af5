import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, SERIES_DARK, SERIES_LIGHT, SHAPES, chainOf, seriesMarks, shapePath } from '../../../src/lib/ui/charts/palette';

const channel = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const luminance = (hex: string) => {
	const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
/** CIELAB distance (CIE76) between two sRGB colours. */
function deltaE(a: string, b: string): number {
	const lab = (hex: string) => {
		const [r, g, bl] = rgb(hex).map(channel) as [number, number, number];
		const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * bl, 0.2126 * r + 0.7152 * g + 0.0722 * bl, 0.0193 * r + 0.1192 * g + 0.9505 * bl];
		const [fx, fy, fz] = [xyz[0]! / 0.9505, xyz[1]!, xyz[2]! / 1.089].map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)) as [number, number, number];
		return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
	};
	const [p, q] = [lab(a), lab(b)];
	return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

describe('the series palette', () => {
	it.each([
		['light', SERIES_LIGHT, BACKGROUND.light],
		['dark', SERIES_DARK, BACKGROUND.dark]
	] as const)('every %s series colour has at least 3:1 contrast against the background and differs from the others', (_, palette, bg) => {
		expect(palette).toHaveLength(16);
		for (const c of palette) expect(contrast(c, bg), c).toBeGreaterThanOrEqual(3);
		for (const [i, a] of palette.entries()) for (const b of palette.slice(i + 1)) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThan(8);
	});

	it('app.css declares the same colours in both themes', () => {
		const css = readFileSync(join(import.meta.dirname, '../../../src/app.css'), 'utf8');
		const blocks = [...css.matchAll(/((?:\s*--series-\d+: #[0-9a-f]{6};)+)/g)].map((m) => [...m[1]!.matchAll(/#[0-9a-f]{6}/g)].map((x) => x[0]));
		expect(blocks).toEqual([[...SERIES_LIGHT], [...SERIES_DARK], [...SERIES_DARK]]);
	});
});

describe('seriesMarks', () => {
	const demo = ['M1', 'M2', 'M3', 'M4', 'M5', 'D2', 'D3', 'D4', 'D5', 'A3', 'A4', 'A5'].map((label, order) => ({ id: `m${order}`, label, order }));

	it('seriesMarks(12 models in three chains) gives each its own colour and each chain its own shape and dash', () => {
		const marks = seriesMarks(demo);
		expect(new Set([...marks.values()].map((m) => m.color)).size).toBe(12);
		const byChain = new Map<string, Set<string>>();
		for (const s of demo) byChain.set(chainOf(s.label), (byChain.get(chainOf(s.label)) ?? new Set()).add(`${marks.get(s.id)!.shape}|${marks.get(s.id)!.dash}`));
		expect([...byChain.values()].map((v) => v.size)).toEqual([1, 1, 1]);
		expect(new Set([...byChain.values()].map((v) => [...v][0])).size).toBe(3);
	});

	it('seriesMarks(40 series) never repeats a colour and shape pair', () => {
		const many = Array.from({ length: 40 }, (_, order) => ({ id: `s${order}`, label: `Iteration ${order + 1}`, order }));
		const marks = [...seriesMarks(many).values()].map((m) => `${m.color}|${m.shape}`);
		expect(new Set(marks).size).toBe(40);
	});

	it('chainOf strips the trailing number', () => {
		expect([chainOf('D3'), chainOf('Iteration 12'), chainOf('qwen-2'), chainOf('7')]).toEqual(['D', 'Iteration', 'qwen', '7']);
	});

	it('shapePath draws a different path for every shape', () => {
		const paths = SHAPES.map((s) => shapePath(s));
		for (const d of paths) expect(d).toMatch(/^M[\d.,-]/);
		expect(new Set(paths).size).toBe(SHAPES.length);
	});
});
