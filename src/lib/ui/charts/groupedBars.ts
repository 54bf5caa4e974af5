// Layout of a grouped bar chart: categories on x (subsets, splits, levels, ...), one bar per
// series (model) in each, with the bootstrap interval as a whisker. Undefined values draw no bar
// and are listed as n/a in the tooltip, never as 0.
import { scaleBand, scaleLinear } from 'd3';
import { frame, r, seriesColor, type Frame, type Tick } from './scales';

export interface BarValue {
	value: number | undefined;
	ci?: { low: number; high: number };
	problems?: number;
}

export interface BarInput {
	groups: { id: string; label: string }[];
	series: { id: string; label: string; order: number; color?: string }[];
	value: (group: string, series: string) => BarValue | undefined;
	/** Fixed domain, e.g. [0, 1] for rates; else 0 to the largest value or interval end. */
	domain?: [number, number];
	/** 'count': whole numbers (set sizes), so the axis never shows fractional ticks. */
	format: 'pct' | 'num' | 'count';
	/** Horizontal reference lines, e.g. coverage 0.5. */
	rules?: { value: number; label: string }[];
}

export interface BarLayout {
	group: string;
	series: string;
	x: number;
	width: number;
	y: number;
	height: number;
	color: string;
	value: number | undefined;
	low?: number;
	high?: number;
	ci?: { low: number; high: number };
	problems?: number;
}

export interface GroupedBarsLayout {
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	bars: BarLayout[];
	rules: { y: number; label: string }[];
	legend: { label: string; color: string }[];
}

/** `zoom`: a fixed domain gives way to 0 .. the data's top, so small values are not flattened. */
export function layoutGroupedBars(input: BarInput, width = 560, height = 280, zoom = false): GroupedBarsLayout {
	const f = frame(width, height);
	const all = input.groups.flatMap((g) => input.series.map((s) => input.value(g.id, s.id)));
	const top = Math.max(
		1e-9,
		...all.flatMap((v) => (v ? [v.value ?? 0, v.ci?.high ?? 0] : [0])),
		...(input.rules ?? []).map((rl) => rl.value)
	);
	const domain: [number, number] = input.domain && !zoom ? input.domain : [0, top];
	const y = scaleLinear().domain(domain).range([f.bottom, f.top]).nice(5);
	const x0 = scaleBand<string>()
		.domain(input.groups.map((g) => g.id))
		.range([f.left, f.right])
		.paddingInner(0.2)
		.paddingOuter(0.1);
	const x1 = scaleBand<string>()
		.domain(input.series.map((s) => s.id))
		.range([0, x0.bandwidth()])
		.padding(0.08);
	const fmt = (v: number) => (input.format === 'pct' ? `${Math.round(v * 100)}%` : String(Number(v.toFixed(2))));
	const ticks = input.format === 'count' ? y.ticks(5).filter(Number.isInteger) : y.ticks(5);
	const yTicks = ticks.map((v) => ({ pos: r(y(v)), label: fmt(v) }));
	const xTicks = input.groups.map((g) => ({ pos: r((x0(g.id) ?? 0) + x0.bandwidth() / 2), label: g.label }));
	const bars: BarLayout[] = [];
	for (const g of input.groups) {
		for (const s of input.series) {
			const v = input.value(g.id, s.id);
			const value = v?.value;
			const base = y(Math.max(domain[0], 0));
			const yy = value === undefined ? base : y(value);
			bars.push({
				group: g.id,
				series: s.id,
				x: r((x0(g.id) ?? 0) + (x1(s.id) ?? 0)),
				width: r(x1.bandwidth()),
				y: r(Math.min(yy, base)),
				height: r(Math.abs(base - yy)),
				color: s.color ?? seriesColor(s.order),
				value,
				low: v?.ci ? r(y(v.ci.low)) : undefined,
				high: v?.ci ? r(y(v.ci.high)) : undefined,
				ci: v?.ci,
				problems: v?.problems
			});
		}
	}
	return {
		frame: f,
		xTicks,
		yTicks,
		bars,
		rules: (input.rules ?? []).map((rl) => ({ y: r(y(rl.value)), label: rl.label })),
		legend: input.series.map((s) => ({ label: s.label, color: s.color ?? seriesColor(s.order) }))
	};
}
