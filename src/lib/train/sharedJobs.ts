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
	/** Job j's loss weight and token count, as the trainer wrote them. */
	jobOf(j: number): { weight: number; length: number };
	setJob(j: number, weight: number, length: number): void;
	/** Job j's loss and target count, as the helper wrote them. */
	resultOf(j: number): { loss: number; count: number };
	setResult(j: number, loss: number, count: number): void;
	tokensOf(j: number, length: number): Int32Array;
	targetOf(j: number, length: number): Int32Array;
	denseOf(j: number): Float64Array;
	traceOf(j: number): SequenceTrace;
}

/** Per job, in `meta`: loss weight, length, loss, count. */
const META = 4;

/** Doubles of one job's trace: (2 layers + 1) norm blocks and one embedding block, each context x dim. */
const traceLengthOf = (c: ModelConfig): number => (2 * c.layers + 2) * c.context * c.dim;

export function allocateJobs(c: ModelConfig, capacity: number): SharedBuffers {
	const P = layoutOf(c).size;
	const traceLength = traceLengthOf(c);
	return {
		control: new SharedArrayBuffer(8 * 4),
		weights: new SharedArrayBuffer(P * 8),
		meta: new SharedArrayBuffer(capacity * META * 8),
		tokens: new SharedArrayBuffer(capacity * 2 * c.context * 4),
		dense: new SharedArrayBuffer(capacity * P * 8),
		trace: new SharedArrayBuffer(capacity * traceLength * 8)
	};
}

export function viewJobs(c: ModelConfig, b: SharedBuffers): SharedJobs {
	const P = layoutOf(c).size;
	const capacity = b.meta.byteLength / (META * 8);
	const meta = new Float64Array(b.meta);
	const tokens = new Int32Array(b.tokens);
	const dense = new Float64Array(b.dense);
	const trace = new Float64Array(b.trace);
	const block = c.context * c.dim;
	const traceLength = traceLengthOf(c);
	// Views are made once.
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
		jobOf: (j) => ({ weight: meta[j * META]!, length: meta[j * META + 1]! }),
		setJob: (j, weight, length) => void ((meta[j * META] = weight), (meta[j * META + 1] = length)),
		resultOf: (j) => ({ loss: meta[j * META + 2]!, count: meta[j * META + 3]! }),
		setResult: (j, loss, count) => void ((meta[j * META + 2] = loss), (meta[j * META + 3] = count)),
		tokensOf: (j, length) => tokens.subarray(j * 2 * c.context, j * 2 * c.context + length),
		targetOf: (j, length) => tokens.subarray(j * 2 * c.context + c.context, j * 2 * c.context + c.context + length),
		denseOf: (j) => dense.subarray(j * P, (j + 1) * P),
		traceOf: (j) => traces[j]!
	};
}
