// One sequence's gradient computed apart from the running sum it belongs to (on another thread),
// then added so that every parameter receives exactly the additions, in exactly the order, that
// trainSequence would have made: the trained bytes do not depend on how many threads computed them.
//
// A weight matrix receives one addition per sequence (its whole product), so the sequence's part
// can be kept as one dense value per entry. A norm's weight and a token's embedding receive one
// addition per position, so those are kept row by row (the trace) and replayed in position order.
import { trainSequence } from './backprop';
import { layoutOf, type ModelConfig } from './config';
import type { Vec } from './kernels';

export interface SequenceTrace {
	/** Per-position terms of each norm's weight gradient: layer l's attention norm at 2l, its feed-forward norm at 2l + 1, the output norm last. Row t at t * dim. */
	norms: Vec[];
	/** d(loss)/d(embedding) at each position, row t at t * dim. */
	embed: Vec;
}

/** A trace with room for `maxTokens` positions. */
export function createTrace(c: ModelConfig, maxTokens: number): SequenceTrace {
	return { norms: Array.from({ length: 2 * c.layers + 1 }, () => new Float64Array(maxTokens * c.dim)), embed: new Float64Array(maxTokens * c.dim) };
}

/** [start, end) of every weight matrix in the flat parameter array: the entries a trace does not hold. */
export function matrixRanges(c: ModelConfig): [number, number][] {
	const lay = layoutOf(c);
	const d = c.dim;
	const out: [number, number][] = lay.layers.map((L) => [L.attnNorm + d, L.ffnNorm] as [number, number]);
	for (const L of lay.layers) out.push([L.ffnNorm + d, L.down + d * c.ffn]);
	out.push([lay.output, lay.output + c.vocab * d]);
	return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Sets the matrix entries of `dense` to -0 before a traced trainSequence adds into them: -0 + x is
 * x for every x (+0 + -0 would not be -0), so each entry ends up holding exactly the term added.
 */
function clearMatrices(dense: Vec, ranges: readonly [number, number][]): void {
	for (const [a, b] of ranges) dense.fill(-0, a, b);
}

/** Adds a sequence's gradient (its dense matrix terms and its trace) into grads, as trainSequence would have. */
export function applySequence(c: ModelConfig, grads: Vec, dense: Vec, trace: SequenceTrace, tokens: ArrayLike<number>, ranges: readonly [number, number][]): void {
	for (const [a, b] of ranges) for (let i = a; i < b; i++) grads[i] = grads[i]! + dense[i]!;
	const lay = layoutOf(c);
	const d = c.dim;
	const T = tokens.length;
	const normAt = (k: number): number => (k === 2 * c.layers ? lay.outNorm : k % 2 === 0 ? lay.layers[k >> 1]!.attnNorm : lay.layers[k >> 1]!.ffnNorm);
	trace.norms.forEach((rows, k) => {
		const off = normAt(k);
		for (let t = 0; t < T; t++) for (let i = 0; i < d; i++) grads[off + i] = grads[off + i]! + rows[t * d + i]!;
	});
	for (let t = 0; t < T; t++) {
		const e = lay.embed + tokens[t]! * d;
		for (let i = 0; i < d; i++) grads[e + i] = grads[e + i]! + trace.embed[t * d + i]!;
	}
}

/**
 * One helper job: the sequence's gradient into `dense` (and `trace`, when given) the way the
 * helper's results are read: traced, dense holds only the matrix terms; whole, the full gradient from zero.
 */
export function computeSequence(
	c: ModelConfig, w: Vec, tokens: ArrayLike<number>, target: ArrayLike<number>, weight: number,
	dense: Vec, trace: SequenceTrace | null, ranges: readonly [number, number][]
): { loss: number; count: number } {
	if (trace) clearMatrices(dense, ranges);
	else dense.fill(0);
	return trainSequence(c, w, dense, tokens, target, weight, trace);
}
