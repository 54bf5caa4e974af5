// Sequence gradients computed on another thread while this one computes its own share of a batch.
// The contract that keeps training bit-identical whatever the thread count: the helper takes the
// batch's last items, and its results are added after this thread's, in batch order.
import type { ModelConfig } from './config';
import type { Vec } from './kernels';
import type { SequenceTrace } from './sequenceTrace';

export interface SequenceJob {
	tokens: ArrayLike<number>;
	target: ArrayLike<number>;
	weight: number;
}

/**
 * 'traced': `dense` holds the sequence's matrix terms and `trace` the rest (sequenceTrace.ts adds
 * them into a running gradient). 'whole': `dense` is the sequence's whole gradient, from zero.
 */
export type HelperMode = 'traced' | 'whole';

export interface SequenceResult {
	loss: number;
	count: number;
	dense: Vec;
	trace: SequenceTrace | null;
}

export interface GradientHelper {
	/** How many jobs one start takes at most. */
	readonly capacity: number;
	/** Starts the jobs against weights `w` (copied: w may change after this returns). */
	start(w: Vec, jobs: readonly SequenceJob[], mode: HelperMode): void;
	/** Waits for the started jobs: results in job order, valid until the next start. */
	finish(): SequenceResult[];
}

/** Relative cost of one sequence's pass: the dense products per position plus attention's per pair. */
export function sequenceCost(c: ModelConfig, tokens: number): number {
	const perToken = c.layers * (4 * c.dim * c.dim + 3 * c.dim * c.ffn) + c.dim * c.vocab;
	return tokens * perToken + tokens * tokens * c.layers * c.dim;
}

/**
 * Where a batch splits between this thread (items before the index) and the helper (from it on),
 * so both finish together: the split that minimises the larger share's cost, within the helper's capacity.
 */
export function splitPoint(costs: readonly number[], capacity: number): number {
	const total = costs.reduce((a, b) => a + b, 0);
	let best = costs.length, bestMax = total, prefix = 0;
	for (let s = 0; s <= costs.length; s++) {
		if (costs.length - s <= capacity) {
			const worst = Math.max(prefix, total - prefix);
			if (worst < bestMax) {
				bestMax = worst;
				best = s;
			}
		}
		if (s < costs.length) prefix += costs[s]!;
	}
	return best;
}
