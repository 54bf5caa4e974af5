// Layout of the answer-space view: one horizontal bar per distinct extracted answer of one model
// on one problem, its share of the samples, the correct answer marked.
import { scaleBand, scaleLinear } from 'd3';
import type { AnswerMass } from '$lib/core/samples';
import { frame, r, type Frame, type Tick } from './scales';

export interface AnswerBar {
	label: string;
	answer: string | null;
	y: number;
	height: number;
	width: number;
	x: number;
	share: number;
	count: number;
	correct: boolean;
}

export interface AnswerSpaceLayout {
	frame: Frame;
	xTicks: Tick[];
	yTicks: Tick[];
	bars: AnswerBar[];
	/** Answers beyond the shown ones, folded into the last line. */
	hidden: number;
}

export function layoutAnswerSpace(masses: AnswerMass[], maxBars = 12, width = 560): AnswerSpaceLayout {
	const shown = masses.slice(0, maxBars);
	const hidden = masses.length - shown.length;
	const rowH = 22;
	const height = 56 + Math.max(1, shown.length) * rowH;
	const f = frame(width, height, { left: 110, top: 8, right: 24, bottom: 44 });
	const x = scaleLinear().domain([0, 1]).range([f.left, f.right]);
	const labels = shown.map((m, i) => `${i}`);
	const y = scaleBand<string>().domain(labels).range([f.top, f.bottom]).padding(0.2);
	const text = (m: AnswerMass) => (m.answer === null ? '(no answer)' : m.answer.length > 14 ? m.answer.slice(0, 13) + '…' : m.answer);
	return {
		frame: f,
		xTicks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ pos: r(x(v)), label: `${v * 100}%` })),
		yTicks: [],
		bars: shown.map((m, i) => ({
			label: text(m),
			answer: m.answer,
			y: r(y(`${i}`) ?? 0),
			height: r(y.bandwidth()),
			x: r(f.left),
			width: r(x(m.share) - f.left),
			share: m.share,
			count: m.count,
			correct: m.correct
		})),
		hidden
	};
}
