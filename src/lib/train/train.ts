// Supervised training of the tiny model on (prompt, completion) examples: deterministic given
// the seed (fixed example order, fixed summation order, single thread).
import { mulberry32, type Random } from '../core/random';
import { layoutOf, type ModelConfig } from './config';
import { trainSequence } from './backprop';
import { sequenceCost, splitPoint, type GradientHelper } from './gradientHelper';
import { applySequence, matrixRanges } from './sequenceTrace';
import { adamState, adamStep } from './optim';
import type { Example } from './data';

function gaussian(r: Random): number {
	const u = Math.max(r(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Random initial weights: matrices ~ N(0, 1/in), residual outputs scaled down by depth. */
export function initWeights(c: ModelConfig, seed: number): Float64Array {
	const lay = layoutOf(c);
	const w = new Float64Array(lay.size);
	const r = mulberry32(seed);
	const fill = (off: number, n: number, std: number): void => {
		for (let i = 0; i < n; i++) w[off + i] = Math.fround(gaussian(r) * std);
	};
	const ones = (off: number, n: number): void => {
		for (let i = 0; i < n; i++) w[off + i] = 1;
	};
	const d = c.dim;
	const resid = 1 / Math.sqrt(2 * c.layers);
	fill(lay.embed, c.vocab * d, 1);
	for (const L of lay.layers) {
		ones(L.attnNorm, d);
		fill(L.wq, d * d, 1 / Math.sqrt(d));
		fill(L.wk, d * d, 1 / Math.sqrt(d));
		fill(L.wv, d * d, 1 / Math.sqrt(d));
		fill(L.wo, d * d, resid / Math.sqrt(d));
		ones(L.ffnNorm, d);
		fill(L.gate, c.ffn * d, 1 / Math.sqrt(d));
		fill(L.up, c.ffn * d, 1 / Math.sqrt(d));
		fill(L.down, d * c.ffn, resid / Math.sqrt(c.ffn));
	}
	ones(lay.outNorm, d);
	fill(lay.output, c.vocab * d, 1 / Math.sqrt(d));
	return w;
}

function decayMaskOf(c: ModelConfig): Uint8Array {
	const lay = layoutOf(c);
	const m = new Uint8Array(lay.size).fill(1);
	const clear = (off: number): void => void m.fill(0, off, off + c.dim);
	for (const L of lay.layers) {
		clear(L.attnNorm);
		clear(L.ffnNorm);
	}
	clear(lay.outNorm);
	return m;
}

export interface TrainOptions {
	steps: number;
	batch: number;
	lr: number;
	/** Final learning rate as a fraction of lr (cosine decay after a linear warm-up). */
	minLrRatio: number;
	warmup: number;
	weightDecay: number;
	seed: number;
	log?: (line: string) => void;
	/** Called after each step with the number of steps done (for progress checks). */
	onStep?: (step: number) => void;
}

export interface TrainResult {
	/** Mean loss per target token over the last 10% of steps. */
	finalLoss: number;
	tokens: number;
	ms: number;
}

/** What one batch adds to the gradient: its summed loss, the count that loss is a sum over, tokens read. */
export interface BatchResult {
	loss: number;
	count: number;
	tokens: number;
}

/** Adds the batch's gradient (already divided by whatever the objective averages over) into `grads`. */
export type BatchGradient<T> = (batch: readonly T[], grads: Float64Array) => BatchResult;

/**
 * Next-token cross-entropy over the completion, averaged over the batch's target tokens. With a
 * helper, the batch's tail is computed on its thread and added after the head, in batch order.
 */
export function sftGradient(c: ModelConfig, w: Float64Array, helper: GradientHelper | null = null): BatchGradient<Example> {
	const ranges = matrixRanges(c);
	return (batch, grads) => {
		const count = batch.reduce((n, e) => n + e.target.filter((t) => t >= 0).length, 0);
		const split = helper ? splitPoint(batch.map((e) => sequenceCost(c, e.tokens.length)), helper.capacity) : batch.length;
		const tail = batch.slice(split);
		if (helper && tail.length > 0) helper.start(w, tail.map((e) => ({ tokens: e.tokens, target: e.target, weight: 1 / count })), 'traced');
		let loss = 0;
		let tokens = 0;
		for (const e of batch.slice(0, split)) loss += trainSequence(c, w, grads, e.tokens, e.target, 1 / count).loss;
		if (helper && tail.length > 0) {
			helper.finish().forEach((r, i) => {
				applySequence(c, grads, r.dense, r.trace!, tail[i]!.tokens, ranges);
				loss += r.loss;
			});
		}
		for (const e of batch) tokens += e.tokens.length;
		return { loss, count, tokens };
	};
}

/** Trains `w` in place on examples drawn in a seeded shuffled order (epochs reshuffle). */
export function train(c: ModelConfig, w: Float64Array, examples: readonly Example[], o: TrainOptions): TrainResult {
	return optimize(c, w, examples, sftGradient(c, w), o);
}

/** One optimiser step's report: what a progress bar and a loss curve need. */
export interface StepReport {
	/** Steps done, 1-based. */
	step: number;
	steps: number;
	/** Mean loss per counted item of this step's batch. */
	loss: number;
	lr: number;
}

/** An optimisation run taken one step at a time, so a worker can yield between steps (pause, cancel). */
export interface Optimizer {
	readonly steps: number;
	readonly done: boolean;
	step(): StepReport;
	result(): TrainResult;
}

/** AdamW with warm-up and cosine decay over items drawn in a seeded shuffled order (epochs reshuffle). */
export function createOptimizer<T>(c: ModelConfig, w: Float64Array, items: readonly T[], gradient: BatchGradient<T>, o: TrainOptions): Optimizer {
	if (items.length === 0) throw new Error('train: no examples');
	const r = mulberry32(o.seed);
	const order: number[] = [];
	const next = (): T => {
		if (order.length === 0) {
			const idx = items.map((_, i) => i);
			for (let i = idx.length - 1; i > 0; i--) {
				const j = Math.floor(r() * (i + 1));
				[idx[i], idx[j]] = [idx[j]!, idx[i]!];
			}
			order.push(...idx.reverse());
		}
		return items[order.pop()!]!;
	};
	const state = adamState(w.length);
	const grads = new Float64Array(w.length);
	const decayMask = decayMaskOf(c);
	const start = performance.now();
	// Per-step loss sums and counts: the final loss is over the last 10% of the steps taken.
	const losses: number[] = [], counts: number[] = [];
	let tokens = 0, logLoss = 0, logCount = 0, step = 0;
	return {
		steps: o.steps,
		get done() {
			return step >= o.steps;
		},
		step(): StepReport {
			if (step >= o.steps) throw new Error(`train: all ${o.steps} steps are done`);
			const batch = Array.from({ length: o.batch }, next);
			grads.fill(0);
			const { loss, count, tokens: read } = gradient(batch, grads);
			tokens += read;
			const progress = step < o.warmup ? (step + 1) / o.warmup : 1;
			const t = Math.max(0, step - o.warmup) / Math.max(1, o.steps - o.warmup);
			const lr = o.lr * progress * (o.minLrRatio + (1 - o.minLrRatio) * 0.5 * (1 + Math.cos(Math.PI * t)));
			adamStep(w, grads, state, { lr, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: o.weightDecay, clip: 1, decayMask });
			logLoss += loss;
			logCount += count;
			losses.push(loss);
			counts.push(count);
			step++;
			if (o.log && (step % 50 === 0 || step === o.steps)) {
				const s = (performance.now() - start) / 1000;
				o.log(`step ${step}/${o.steps} loss ${(logLoss / logCount).toFixed(4)} lr ${lr.toExponential(2)} ${(tokens / s).toFixed(0)} tok/s ${s.toFixed(0)} s`);
				logLoss = 0;
				logCount = 0;
			}
			o.onStep?.(step);
			return { step, steps: o.steps, loss: count > 0 ? loss / count : 0, lr };
		},
		result() {
			let tailLoss = 0, tailCount = 0;
			for (let i = Math.floor(step * 0.9); i < step; i++) {
				tailLoss += losses[i]!;
				tailCount += counts[i]!;
			}
			return { finalLoss: tailLoss / Math.max(1, tailCount), tokens, ms: performance.now() - start };
		}
	};
}

/** Runs every step of `createOptimizer` at once. */
export function optimize<T>(c: ModelConfig, w: Float64Array, items: readonly T[], gradient: BatchGradient<T>, o: TrainOptions): TrainResult {
	const run = createOptimizer(c, w, items, gradient, o);
	while (!run.done) run.step();
	return run.result();
}
