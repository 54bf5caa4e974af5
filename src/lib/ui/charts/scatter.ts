// Layout of the per-problem scatter: the reference's sampled pass@1 (x) against model t's (y),
// one point per problem, the diagonal y = x for "no change". Success rates are multiples of 1/n,
// so many problems share a position: each point gets a small seeded jitter (the same problem id
// always lands in the same place) so that every problem stays visible and clickable.

import { scaleLinear } from 'd3';
import { hashString, mulberry32 } from '$lib/core/random';
import { frame, r, seriesColor, type Frame, type Tick } from './scales';

export interface ScatterInput {
	/** One entry per problem with a rate for both models. */
	points: { problem: string; reference: number; model: number }[];
	modelOrder: number;
}

export interface ScatterPointLayout {
	problem: string;
	reference: number;
	model: number;
	x: number;
	y: number;
}

export interface ScatterLayout {
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	points: ScatterPointLayout[];
	diagonal: { x1: number; y1: number; x2: number; y2: number };
	color: string;
	/** Problems above the diagonal (t better), on it, below it. */
	above: number;
	on: number;
	below: number;
}

const JITTER = 0.018;

export function layoutScatter(input: ScatterInput, width = 560, height = 320): ScatterLayout {
	const f = frame(width, height);
	const x = scaleLinear().domain([-JITTER * 1.5, 1 + JITTER * 1.5]).range([f.left, f.right]);
	const y = scaleLinear().domain([-JITTER * 1.5, 1 + JITTER * 1.5]).range([f.bottom, f.top]);
	const ticks = [0, 0.25, 0.5, 0.75, 1];
	let above = 0;
	let on = 0;
	let below = 0;
	const points = input.points.map((p) => {
		const random = mulberry32(hashString(p.problem, 7));
		const jx = (random() * 2 - 1) * JITTER;
		const jy = (random() * 2 - 1) * JITTER;
		if (p.model > p.reference) above++;
		else if (p.model < p.reference) below++;
		else on++;
		return { problem: p.problem, reference: p.reference, model: p.model, x: r(x(p.reference + jx)), y: r(y(p.model + jy)) };
	});
	return {
		frame: f,
		xTicks: ticks.map((v) => ({ pos: r(x(v)), label: `${v * 100}%` })),
		yTicks: ticks.map((v) => ({ pos: r(y(v)), label: `${v * 100}%` })),
		points,
		diagonal: { x1: r(x(0)), y1: r(y(0)), x2: r(x(1)), y2: r(y(1)) },
		color: seriesColor(input.modelOrder),
		above,
		on,
		below
	};
}
