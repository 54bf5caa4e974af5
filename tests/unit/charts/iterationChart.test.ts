import { describe, expect, it } from 'vitest';
import { columnsFor, layoutIterationChart, type IterationPanelInput } from '../../../src/lib/ui/charts/iterationChart';
import { gridMove } from '../../../src/lib/ui/charts/keyNav';
import { expectSnapshot, iterationSvg } from './svgSnapshot';

const panel = (id: string, format: 'pct' | 'num', values: (number | undefined)[]): IterationPanelInput => ({
	id,
	label: id,
	axis: format === 'pct' ? '% of problems' : 'Distinct-n (0–1)',
	format,
	points: values.map((value, i) => ({
		model: `m${i + 1}`,
		label: `M${i + 1}`,
		iteration: i + 1,
		value,
		...(value === undefined ? {} : { ci: { low: Math.max(0, value - 0.06), high: Math.min(1, value + 0.06) } }),
		problems: 60
	}))
});
const measures = [
	panel('pass@1', 'pct', [0.4, 0.46, 0.5, 0.52, 0.55]),
	panel('pass@16', 'pct', [0.8, 0.74, 0.7, 0.66, 0.62]),
	panel('Distinct-n', 'num', [0.42, 0.35, 0.3, 0.22, 0.17]),
	panel('OOD pass@1', 'pct', [0.15, 0.14, 0.13, 0.11, undefined])
];

describe('layoutIterationChart', () => {
	it('layoutIterationChart(measures, 960) matches its snapshot', () => {
		expectSnapshot('by-iteration', iterationSvg(layoutIterationChart(measures, 960)));
	});

	it('layoutIterationChart puts every panel on the same x positions of the models', () => {
		const l = layoutIterationChart(measures, 960);
		const offsets = l.panels.map((p) => p.xTicks.map((t) => Math.round(t.pos - p.frame.left)));
		for (const o of offsets) expect(o).toEqual(offsets[0]);
		expect(l.panels[0]!.xTicks.map((t) => t.label)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
	});

	it('layoutIterationChart stacks the panels in one column at 390 px and keeps the text size', () => {
		const narrow = layoutIterationChart(measures, 360);
		expect(narrow.columns).toBe(1);
		expect(narrow.width).toBe(360);
		expect(narrow.fontSize).toBe(layoutIterationChart(measures, 1400).fontSize);
		expect(columnsFor(1400, 5)).toBe(3);
		expect(columnsFor(800, 5)).toBe(2);
	});

	it('layoutIterationChart leaves out undefined values instead of drawing them at 0', () => {
		const ood = layoutIterationChart(measures).panels[3]!;
		expect(ood.points.map((p) => p.model)).toEqual(['m1', 'm2', 'm3', 'm4']);
	});

	it('layoutIterationChart labels rates in % and scores as decimals, on a y axis at least 10 points tall', () => {
		const flat = layoutIterationChart([panel('flat', 'pct', [0, 0, 0]), panel('d', 'num', [0.06, 0.05, 0.05])]);
		expect(flat.panels[0]!.yTicks.map((t) => t.label)).toContain('0%');
		expect(flat.panels[0]!.yTicks.at(-1)!.label).toBe('10%');
		expect(flat.panels[1]!.yTicks.every((t) => !t.label.includes('%'))).toBe(true);
	});
});

describe('gridMove', () => {
	const rows = [5, 0, 3];
	it('gridMove(key, undefined, rows) selects the first mark on the first navigation key', () => {
		expect(gridMove('ArrowRight', undefined, rows)).toEqual({ row: 0, col: 0 });
		expect(gridMove('a', undefined, rows)).toBeUndefined();
		expect(gridMove('ArrowRight', undefined, [0, 0])).toBeUndefined();
	});
	it('gridMove moves along a row and stops at its ends', () => {
		expect(gridMove('ArrowRight', { row: 0, col: 4 }, rows)).toEqual({ row: 0, col: 4 });
		expect(gridMove('ArrowLeft', { row: 0, col: 0 }, rows)).toEqual({ row: 0, col: 0 });
		expect(gridMove('End', { row: 0, col: 1 }, rows)).toEqual({ row: 0, col: 4 });
		expect(gridMove('Home', { row: 0, col: 3 }, rows)).toEqual({ row: 0, col: 0 });
	});
	it('gridMove skips empty rows and clamps the column to the next row', () => {
		expect(gridMove('ArrowDown', { row: 0, col: 4 }, rows)).toEqual({ row: 2, col: 2 });
		expect(gridMove('ArrowUp', { row: 2, col: 1 }, rows)).toEqual({ row: 0, col: 1 });
		expect(gridMove('ArrowDown', { row: 2, col: 1 }, rows)).toEqual({ row: 2, col: 1 });
	});
});
