// Layout of a training round's loss curve: loss per step, on a linear step axis and a linear loss axis.
import { scaleLinear } from 'd3';
import { frame as frameOf, r, type Frame, type Tick } from './scales';

export interface LossPoint {
	x: number;
	y: number;
	step: number;
	loss: number;
}

export interface LossLayout {
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	path: string;
	points: LossPoint[];
}

/** `steps` is the round's total, so the axis does not grow while the curve does. */
export function lossLayout(losses: readonly number[], steps: number, width = 560, height = 220): LossLayout {
	const f = frameOf(width, height);
	const finite = losses.filter(Number.isFinite);
	const hi = finite.length ? Math.max(...finite) : 1;
	const x = scaleLinear().domain([1, Math.max(2, steps)]).range([f.left, f.right]);
	const y = scaleLinear().domain([0, hi * 1.05]).range([f.bottom, f.top]).nice(4);
	const points = losses.flatMap((loss, i) => (Number.isFinite(loss) ? [{ x: r(x(i + 1)), y: r(y(loss)), step: i + 1, loss }] : []));
	return {
		frame: f,
		xTicks: x.ticks(Math.min(6, Math.max(1, steps - 1))).filter(Number.isInteger).map((t) => ({ pos: r(x(t)), label: String(t) })),
		yTicks: y.ticks(4).map((t) => ({ pos: r(y(t)), label: y.tickFormat(4)(t) })),
		path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(''),
		points
	};
}
