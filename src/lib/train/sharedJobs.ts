// The shared memory between the trainer's thread and its gradient helper thread (a Node worker
// thread or a Web Worker): weights in, jobs in, results out, and control words (Atomics). One
// layout, read by both sides.
import { layoutOf, type ModelConfig } from './config';
import type { SequenceTrace } from './sequenceTrace';

/** Control words: GO counts starts, DONE counts finished starts, FAILED is 1 after a helper error. */
export const GO = 0, DONE = 1, FAILED = 2, MODE = 3, COUNT = 4;

export interface SharedBuffers {
	control: SharedArrayBuffer;
	weights: SharedArrayBuffer;
	meta: SharedArrayBuffer;
	tokens: SharedArrayBuffer;
	dense: SharedArrayBuffer;
	trace: SharedArrayBuffer;
}

export interface SharedJobs {
	buffers: SharedBuffers;
	capacity: number;
	control: Int32Array;
	weights: Float64Array;
	/** Per job: weight, loss, count, length. */
	meta: Float64Array;
	tokensOf(j: number, length: number): Int32Array;
	targetOf(j: number, length: number): Int32Array;
	denseOf(j: number): Float64Array;
	traceOf(j: number): SequenceTrace;
}

export function allocateJobs(c: ModelConfig, capacity: number): SharedBuffers {
	const P = layoutOf(c).size;
	const traceLength = (2 * c.layers + 2) * c.context * c.dim;
	return {
		control: new SharedArrayBuffer(8 * 4),
		weights: new SharedArrayBuffer(P * 8),
		meta: new SharedArrayBuffer(capacity * 4 * 8),
		tokens: new SharedArrayBuffer(capacity * 2 * c.context * 4),
		dense: new SharedArrayBuffer(capacity * P * 8),
		trace: new SharedArrayBuffer(capacity * traceLength * 8)
	};
}

export function viewJobs(c: ModelConfig, b: SharedBuffers): SharedJobs {
	const P = layoutOf(c).size;
	const capacity = b.meta.byteLength / 32;
	const tokens = new Int32Array(b.tokens);
	const dense = new Float64Array(b.dense);
	const trace = new Float64Array(b.trace);
	const block = c.context * c.dim;
	const traceLength = (2 * c.layers + 2) * block;
	// Views are made once: the trace of job j is (2 layers + 1) norm blocks and one embedding block.
	const traces = Array.from({ length: capacity }, (_, j): SequenceTrace => {
		const base = j * traceLength;
		return {
			norms: Array.from({ length: 2 * c.layers + 1 }, (_, k) => trace.subarray(base + k * block, base + (k + 1) * block)),
			embed: trace.subarray(base + (2 * c.layers + 1) * block, base + traceLength)
		};
	});
	return {
		buffers: b,
		capacity,
		control: new Int32Array(b.control),
		weights: new Float64Array(b.weights),
		meta: new Float64Array(b.meta),
		tokensOf: (j, length) => tokens.subarray(j * 2 * c.context, j * 2 * c.context + length),
		targetOf: (j, length) => tokens.subarray(j * 2 * c.context + c.context, j * 2 * c.context + c.context + length),
		denseOf: (j) => dense.subarray(j * P, (j + 1) * P),
		traceOf: (j) => traces[j]!
	};
}
