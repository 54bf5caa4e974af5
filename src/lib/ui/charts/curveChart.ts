// Layout of a k-curve chart (pass@k, maj@k, the reference's pass@k on IS(t)): log2 k on x,
// a rate in [0, 1] on y, one line per series with its bootstrap band.
import { area, line, scaleLinear, scaleLog } from 'd3';
import type { CurvePoint } from '$lib/core/metrics/reportTypes';
import { seriesMarks, shapePath, type Shape } from './palette';
import { frame, r, rateDomain, rateTicks, type Frame, type Tick } from './scales';

export interface CurveSeries {
	id: string;
	label: string;
	order: number;
	points: CurvePoint[];
}

export interface CurvePointLayout {
	series: string;
	k: number;
	value: number;
	x: number;
	y: number;
	low?: number;
	high?: number;
	problems: number;
	excluded: number;
}

export interface CurveSeriesLayout {
	id: string;
	label: string;
	color: string;
	shape: Shape;
	/** The marker's SVG path, centred on 0,0. */
	symbol: string;
	dash: string | undefined;
	line: string;
	band: string | undefined;
	points: CurvePointLayout[];
}

/** A vertical mark at one k of one series, e.g. where its lead over the reference ends (crossover). */
export interface CurveMarker {
	series: string;
	k: number;
	label: string;
}

export interface CurveMarkerLayout extends CurveMarker {
	x: number;
	color: string;
}

export interface CurveLayout {
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	series: CurveSeriesLayout[];
	markers: CurveMarkerLayout[];
}

/** `zoom`: the y axis spans the data (and its intervals) instead of 0-100%. */
export function layoutCurves(series: CurveSeries[], width = 560, height = 300, markers: readonly CurveMarker[] = [], zoom = false): CurveLayout {
	const f = frame(width, height);
	const ks = series.flatMap((s) => s.points.map((p) => p.k));
	const maxK = Math.max(2, ...ks);
	const x = scaleLog().base(2).domain([1, maxK]).range([f.left, f.right]);
	const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === undefined ? [] : [p.value, ...(p.ci ? [p.ci.low, p.ci.high] : [])])));
	const domain = rateDomain(values, zoom);
	const y = scaleLinear().domain(domain).range([f.bottom, f.top]);
	const kTicks = [...new Set(ks)].sort((a, b) => a - b);
	const xTicks = (kTicks.length ? kTicks : [1]).map((k) => ({ pos: r(x(k)), label: String(k) }));
	const yTicks = rateTicks(domain).map((v) => ({ pos: r(y(v)), label: `${Math.round(v * 100)}%` }));
	const marks = seriesMarks(series);
	const out = series.map((s): CurveSeriesLayout => {
		const mark = marks.get(s.id)!;
		const points = s.points
			.filter((p): p is CurvePoint & { value: number } => p.value !== undefined)
			.map((p) => ({
				series: s.id,
				k: p.k,
				value: p.value,
				x: r(x(p.k)),
				y: r(y(p.value)),
				low: p.ci ? r(y(p.ci.low)) : undefined,
				high: p.ci ? r(y(p.ci.high)) : undefined,
				problems: p.problems,
				excluded: p.excluded
			}));
		const withCi = points.filter((p) => p.low !== undefined && p.high !== undefined);
		const band =
			withCi.length > 1
				? (area<CurvePointLayout>()
						.x((p) => p.x)
						.y0((p) => p.low ?? p.y)
						.y1((p) => p.high ?? p.y)(withCi) ?? undefined)
				: undefined;
		return {
			id: s.id,
			label: s.label,
			color: mark.color,
			shape: mark.shape,
			symbol: shapePath(mark.shape),
			dash: mark.dash,
			line: line<CurvePointLayout>()
				.x((p) => p.x)
				.y((p) => p.y)(points) ?? '',
			band,
			points
		};
	});
	const color = new Map([...marks].map(([id, m]) => [id, m.color]));
	const placed = markers
		.filter((m) => color.has(m.series) && m.k >= 1 && m.k <= maxK)
		.map((m) => ({ ...m, x: r(x(m.k)), color: color.get(m.series)! }));
	return { frame: f, xTicks, yTicks, series: out, markers: placed };
}
