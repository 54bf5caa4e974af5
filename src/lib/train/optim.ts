// AdamW with global-norm clipping. Weights are rounded to float32 after every step, so the model
// the trainer samples from is exactly the model written to the F32 GGUF.
import type { Vec } from './kernels';

export interface AdamState {
	m: Float64Array;
	v: Float64Array;
	step: number;
}

export interface AdamOptions {
	lr: number;
	beta1: number;
	beta2: number;
	eps: number;
	weightDecay: number;
	clip: number;
	/** 1 where weight decay applies (matrices), 0 elsewhere (norm gains). */
	decayMask: Uint8Array;
}

export function adamState(size: number): AdamState {
	return { m: new Float64Array(size), v: new Float64Array(size), step: 0 };
}

/** One update; returns the gradient norm before clipping. */
export function adamStep(w: Vec, g: Vec, s: AdamState, o: AdamOptions): number {
	let sq = 0;
	for (let i = 0; i < g.length; i++) sq += g[i]! * g[i]!;
	const norm = Math.sqrt(sq);
	const k = norm > o.clip ? o.clip / norm : 1;
	s.step++;
	const c1 = 1 - Math.pow(o.beta1, s.step);
	const c2 = 1 - Math.pow(o.beta2, s.step);
	for (let i = 0; i < w.length; i++) {
		const gi = g[i]! * k;
		const m = (s.m[i] = o.beta1 * s.m[i]! + (1 - o.beta1) * gi);
		const v = (s.v[i] = o.beta2 * s.v[i]! + (1 - o.beta2) * gi * gi);
		let x = w[i]!;
		if (o.decayMask[i] === 1) x -= o.lr * o.weightDecay * x;
		x -= (o.lr * (m / c1)) / (Math.sqrt(v / c2) + o.eps);
		w[i] = Math.fround(x);
	}
	return norm;
}
