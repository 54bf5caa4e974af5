// Layout of the by-iteration small multiples (the paper's figure shape): one panel per measure,
// every panel on the same x axis of iterations (M1 … M5), each with its own y scale and unit, a
// line through the models, its 95% interval as a band, and a dashed line at the first model's
// value so a rise or a fall reads at a glance. Sized in real pixels (the SVG's viewBox is the
// width it is drawn at), so the text stays large on a projector and at 390 px.
import { area, line, scaleLinear } from 'd3';
import type { Interval } from '$lib/core/metrics/reportTypes';
import { r, seriesColor, type Frame, type Tick } from './scales';

export interface IterationPanelInput {
	id: string;
	label: string;
	/** Axis title with its unit. */
	axis: string;
	format: 'pct' | 'num';
	points: { model: string; label: string; iteration: number; value: number | undefined; ci?: Interval; problems: number }[];
}

export interface IterationPointLayout {
	measure: string;
	model: string;
	label: string;
	iteration: number;
	value: number;
	ci?: Interval;
	problems: number;
	x: number;
	y: number;
}

export interface IterationPanelLayout {
	id: string;
	label: string;
	axis: string;
	format: 'pct' | 'num';
	color: string;
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	line: string;
	band: string | undefined;
	/** y of the first model's value (the dashed baseline), when it has one. */
	baseline: number | undefined;
	points: IterationPointLayout[];
}

export interface IterationLayout {
	width: number;
	height: number;
	columns: number;
	fontSize: number;
	panels: IterationPanelLayout[];
}

const GAP = 20;
const PANEL_HEIGHT = 250;
const MARGIN = { left: 64, right: 18, top: 40, bottom: 52 };

/** Columns for a width: one on a phone, two on a laptop, three on a wide screen or projector. */
export const columnsFor = (width: number, panels: number): number => Math.max(1, Math.min(panels, width >= 1000 ? 3 : width >= 640 ? 2 : 1));

/** A y domain around the values and intervals, at least 10 points (0.1) tall, inside [0, 1]. */
function domain(values: number[]): [number, number] {
	if (!values.length) return [0, 1];
	let lo = Math.min(...values);
	let hi = Math.max(...values);
	if (hi - lo < 0.1) {
		const mid = (hi + lo) / 2;
		lo = mid - 0.05;
		hi = mid + 0.05;
	}
	if (lo < 0) [lo, hi] = [0, hi - lo];
	if (hi > 1) [lo, hi] = [Math.max(0, lo - (hi - 1)), 1];
	const nice = scaleLinear().domain([lo, hi]).nice(4).domain() as [number, number];
	return [Math.max(0, nice[0]), Math.min(1, nice[1])];
}

export function fmtTick(v: number, format: 'pct' | 'num'): string {
	return format === 'pct' ? `${r(v * 100)}%` : String(r(v));
}

export function layoutIterationChart(measures: IterationPanelInput[], width = 960): IterationLayout {
	const columns = columnsFor(width, measures.length);
	const panelWidth = (width - GAP * (columns - 1)) / columns;
	const rows = Math.ceil(measures.length / columns);
	const iterations = [...new Set(measures.flatMap((m) => m.points.map((p) => p.iteration)))].sort((a, b) => a - b);
	const lo = iterations[0] ?? 1;
	const hi = iterations[iterations.length - 1] ?? 1;
	const panels = measures.map((m, i): IterationPanelLayout => {
		const left = (i % columns) * (panelWidth + GAP);
		const top = Math.floor(i / columns) * (PANEL_HEIGHT + GAP);
		const frame: Frame = {
			width: panelWidth,
			height: PANEL_HEIGHT,
			left: r(left + MARGIN.left),
			top: r(top + MARGIN.top),
			right: r(left + panelWidth - MARGIN.right),
			bottom: r(top + PANEL_HEIGHT - MARGIN.bottom)
		};
		// Half a step of padding each side, so the first and last points are not on the frame.
		const pad = lo === hi ? 1 : 0.35;
		const x = scaleLinear().domain([lo - pad, hi + pad]).range([frame.left, frame.right]);
		const defined = m.points.filter((p): p is typeof p & { value: number } => p.value !== undefined);
		const y = scaleLinear()
			.domain(domain(defined.flatMap((p) => [p.value, ...(p.ci ? [p.ci.low, p.ci.high] : [])])))
			.range([frame.bottom, frame.top]);
		const points = defined.map((p) => ({
			measure: m.id,
			model: p.model,
			label: p.label,
			iteration: p.iteration,
			value: p.value,
			...(p.ci ? { ci: p.ci } : {}),
			problems: p.problems,
			x: r(x(p.iteration)),
			y: r(y(p.value))
		}));
		const withCi = points.filter((p) => p.ci);
		const band =
			withCi.length > 1
				? (area<IterationPointLayout>()
						.x((p) => p.x)
						.y0((p) => r(y(p.ci!.low)))
						.y1((p) => r(y(p.ci!.high)))(withCi) ?? undefined)
				: undefined;
		const first = m.points[0];
		return {
			id: m.id,
			label: m.label,
			axis: m.axis,
			format: m.format,
			color: seriesColor(i),
			frame,
			xTicks: m.points.map((p) => ({ pos: r(x(p.iteration)), label: p.label })),
			yTicks: y.ticks(4).map((v) => ({ pos: r(y(v)), label: fmtTick(v, m.format) })),
			line:
				line<IterationPointLayout>()
					.x((p) => p.x)
					.y((p) => p.y)(points) ?? '',
			band,
			baseline: first?.value !== undefined ? r(y(first.value)) : undefined,
			points
		};
	});
	return { width, height: rows * PANEL_HEIGHT + (rows - 1) * GAP, columns, fontSize: 16, panels };
}
