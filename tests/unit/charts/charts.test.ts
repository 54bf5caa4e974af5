import { describe, expect, it } from 'vitest';
import { layoutCurves } from '../../../src/lib/ui/charts/curveChart';
import { layoutGroupedBars } from '../../../src/lib/ui/charts/groupedBars';
import { layoutAnswerSpace } from '../../../src/lib/ui/charts/answerSpace';
import { layoutScatter } from '../../../src/lib/ui/charts/scatter';
import { rateDomain, rateTicks } from '../../../src/lib/ui/charts/scales';
import { layoutTwoSets } from '../../../src/lib/ui/charts/twoSets';
import { answerSpaceSvg, barsSvg, curveSvg, expectSnapshot, scatterSvg, twoSetsSvg } from './svgSnapshot';

const curve = (values: (number | undefined)[]) =>
	values.map((value, i) => ({
		k: 2 ** i,
		value,
		ci: value === undefined ? undefined : { low: Math.max(0, value - 0.05), high: Math.min(1, value + 0.05) },
		problems: 40,
		excluded: 0
	}));

describe('layoutCurves', () => {
	const series = [
		{ id: 'M1', label: 'Iteration 1', order: 0, points: curve([0.4, 0.55, 0.68, 0.78, 0.85]) },
		{ id: 'M2', label: 'Iteration 2', order: 1, points: curve([0.5, 0.58, 0.64, 0.69, 0.72]) }
	];

	it('layoutCurves(series) matches its snapshot', () => {
		expectSnapshot('pass-at-k', curveSvg(layoutCurves(series)));
	});

	it('layoutCurves places k on a log2 axis and rates on [0, 1]', () => {
		const l = layoutCurves(series, 560, 300);
		const xs = l.series[0]!.points.map((p) => p.x);
		const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
		for (const g of gaps) expect(g).toBeCloseTo(gaps[0]!, 1);
		expect(l.yTicks.at(0)?.label).toBe('0%');
		expect(l.yTicks.at(-1)?.label).toBe('100%');
		expect(l.series[1]!.color).toBe('var(--series-2)');
	});

	it('layoutCurves(series, markers) with a crossover marker matches its snapshot', () => {
		const markers = [{ series: 'M2', k: 4, label: 'Iteration 2 leads up to k = 2; Iteration 1 from k = 4' }];
		const l = layoutCurves(series, 560, 300, markers);
		expect(l.markers).toHaveLength(1);
		expect(l.markers[0]!.x).toBe(l.series[0]!.points[2]!.x);
		expect(l.markers[0]!.color).toBe('var(--series-2)');
		expectSnapshot('pass-at-k-crossover', curveSvg(l));
		// A marker of an unknown series or beyond the axis is not drawn.
		expect(layoutCurves(series, 560, 300, [{ series: 'M9', k: 2, label: 'x' }, { series: 'M1', k: 64, label: 'y' }]).markers).toEqual([]);
	});

	it('layoutCurves leaves out undefined values instead of drawing them at 0', () => {
		const l = layoutCurves([{ id: 'M1', label: 'M1', order: 0, points: curve([0.3, undefined, 0.5]) }]);
		expect(l.series[0]!.points.map((p) => p.k)).toEqual([1, 4]);
	});
});

describe('rateDomain', () => {
	it('rateDomain(values, false) is the full [0, 1]', () => {
		expect(rateDomain([0.12, 0.2], false)).toEqual([0, 1]);
	});
	it('rateDomain(values, true) spans the data on a 5-point grid, at least 10 points tall, inside [0, 1]', () => {
		expect(rateDomain([0.1, 0.22], true)).toEqual([0.05, 0.25]);
		expect(rateDomain([0.5, 0.51], true)).toEqual([0.45, 0.55]);
		expect(rateDomain([0.97, 1], true)).toEqual([0.9, 1]);
		expect(rateDomain([0.01, 0.03], true, true)).toEqual([0, 0.1]);
		expect(rateDomain([], true)).toEqual([0, 1]);
	});
	it('rateTicks gives finer steps on a zoomed domain', () => {
		expect(rateTicks([0, 1])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(rateTicks([0.05, 0.25])).toEqual([0.05, 0.1, 0.15, 0.2, 0.25]);
	});
	it('layoutCurves(series, ..., zoom) puts the lowest and highest values inside a zoomed axis', () => {
		const l = layoutCurves([{ id: 'M1', label: 'M1', order: 0, points: curve([0.12, 0.15, 0.18]) }], 560, 300, [], true);
		expect(l.yTicks.map((t) => t.label)).toEqual(['5%', '10%', '15%', '20%', '25%']);
		expect(l.series[0]!.points[0]!.y).toBeLessThan(l.frame.bottom);
		expect(l.series[0]!.points[2]!.y).toBeGreaterThan(l.frame.top);
	});
});

describe('layoutGroupedBars', () => {
	const values: Record<string, number | undefined> = { 'all|M1': 0.6, 'all|M2': 0.4, 'correct|M1': 0.5, 'correct|M2': undefined };
	const input = {
		groups: [
			{ id: 'all', label: 'all samples' },
			{ id: 'correct', label: 'correct samples' }
		],
		series: [
			{ id: 'M1', label: 'M1', order: 0 },
			{ id: 'M2', label: 'M2', order: 1 }
		],
		value: (g: string, s: string) => {
			const v = values[`${g}|${s}`];
			return { value: v, ci: v === undefined ? undefined : { low: v - 0.1, high: v + 0.1 } };
		},
		format: 'num' as const,
		rules: [{ value: 0.5, label: 'half' }]
	};

	it('layoutGroupedBars(input) matches its snapshot', () => {
		expectSnapshot('grouped-bars', barsSvg(layoutGroupedBars(input)));
	});

	it('layoutGroupedBars gives an undefined value no height (shown as n/a, not 0)', () => {
		const bar = layoutGroupedBars(input).bars.find((b) => b.group === 'correct' && b.series === 'M2');
		expect(bar?.value).toBeUndefined();
		expect(bar?.height).toBe(0);
	});

	it('layoutGroupedBars makes taller bars for larger values', () => {
		const l = layoutGroupedBars(input);
		const h = (g: string, s: string) => l.bars.find((b) => b.group === g && b.series === s)!.height;
		expect(h('all', 'M1')).toBeGreaterThan(h('all', 'M2'));
	});

	it('layoutGroupedBars with format count puts only whole numbers on the axis', () => {
		const counts = { ...input, rules: [], format: 'count' as const, value: (g: string) => ({ value: g === 'all' ? 2 : 1 }) };
		const labels = layoutGroupedBars(counts).yTicks.map((t) => t.label);
		expect(labels.length).toBeGreaterThan(1);
		for (const label of labels) expect(Number.isInteger(Number(label))).toBe(true);
		// The same values as plain numbers do get fractional ticks: the filter is what removes them.
		expect(layoutGroupedBars({ ...counts, format: 'num' }).yTicks.some((t) => !Number.isInteger(Number(t.label)))).toBe(true);
	});
});

describe('layoutAnswerSpace', () => {
	const masses = [
		{ answer: '42', count: 9, share: 0.5625, correct: true },
		{ answer: '41', count: 4, share: 0.25, correct: false },
		{ answer: null, count: 3, share: 0.1875, correct: false }
	];
	it('layoutAnswerSpace(masses) matches its snapshot', () => {
		expectSnapshot('answer-space', answerSpaceSvg(layoutAnswerSpace(masses)));
	});
	it('layoutAnswerSpace labels a missing answer and folds answers beyond the limit', () => {
		const l = layoutAnswerSpace(masses, 2);
		expect(l.bars.map((b) => b.label)).toEqual(['42', '41']);
		expect(l.hidden).toBe(1);
		expect(layoutAnswerSpace(masses).bars[2]?.label).toBe('(no answer)');
	});
});

describe('layoutTwoSets', () => {
	const input = { referenceLabel: 'M1', modelLabel: 'M5', referenceOrder: 0, modelOrder: 4, counts: { onlyReference: 6, both: 7, onlyModel: 1 }, neither: 46 };
	it('layoutTwoSets(input) matches its snapshot', () => {
		expectSnapshot('two-sets', twoSetsSvg(layoutTwoSets(input)));
	});
	it('layoutTwoSets puts only-reference left of both, left of only-model, each with its count', () => {
		const l = layoutTwoSets(input);
		expect(l.regions.map((g) => g.id)).toEqual(['onlyReference', 'both', 'onlyModel']);
		expect(l.regions.map((g) => g.count)).toEqual([6, 7, 1]);
		const [a, b, c] = l.regions.map((g) => g.x) as [number, number, number];
		expect(a).toBeLessThan(b);
		expect(b).toBeLessThan(c);
		expect(l.circles[0]!.cx).toBeLessThan(l.circles[1]!.cx);
		// The circles overlap: the lens is between them.
		expect(l.circles[1]!.cx - l.circles[0]!.cx).toBeLessThan(2 * l.circles[0]!.radius);
		expect(l.neither.count).toBe(46);
	});
});

describe('layoutScatter', () => {
	const points = [
		{ problem: 'p1', reference: 0, model: 0 },
		{ problem: 'p2', reference: 0, model: 0 },
		{ problem: 'p3', reference: 0.25, model: 0.75 },
		{ problem: 'p4', reference: 1, model: 0.5 }
	];
	it('layoutScatter(input) matches its snapshot', () => {
		expectSnapshot('problem-scatter', scatterSvg(layoutScatter({ points, modelOrder: 1 })));
	});
	it('layoutScatter keeps one point per problem, apart when rates coincide, and counts them against the diagonal', () => {
		const l = layoutScatter({ points, modelOrder: 1 });
		expect(l.points.map((p) => p.problem)).toEqual(['p1', 'p2', 'p3', 'p4']);
		expect([l.points[0]!.x, l.points[0]!.y]).not.toEqual([l.points[1]!.x, l.points[1]!.y]);
		expect([l.above, l.on, l.below]).toEqual([1, 2, 1]);
		// Higher model rate, higher on screen (smaller y); the same layout every time (seeded jitter).
		expect(l.points[2]!.y).toBeLessThan(l.points[3]!.y);
		expect(layoutScatter({ points, modelOrder: 1 })).toEqual(l);
	});
});
