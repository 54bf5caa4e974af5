import { mulberry32 } from '../../../src/lib/core/random';

/**
 * The worst relative gap between `grads` and central finite differences of `loss` over `samples`
 * randomly chosen weights (seeded), each gap scaled by max(floor, |numeric| + |analytic|).
 */
export function worstGradientGap(w: Float64Array, grads: Float64Array, loss: () => number, o: { samples: number; seed: number; floor: number }): number {
	const r = mulberry32(o.seed);
	const eps = 1e-5;
	let worst = 0;
	for (let n = 0; n < o.samples; n++) {
		const i = Math.floor(r() * w.length);
		const keep = w[i]!;
		w[i] = keep + eps;
		const up = loss();
		w[i] = keep - eps;
		const down = loss();
		w[i] = keep;
		const numeric = (up - down) / (2 * eps);
		worst = Math.max(worst, Math.abs(numeric - grads[i]!) / Math.max(o.floor, Math.abs(numeric) + Math.abs(grads[i]!)));
	}
	return worst;
}
