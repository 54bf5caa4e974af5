import { instantiateKernels } from './wasmKernels';

/**
 * Integer weights per (problem, replicate) and the one operation the bootstrap needs of them: move
 * replicate sums by weighted rows. Every term is an integer (a weight times an integer delta), so
 * any order of additions gives the same sums bit for bit while they stay below 2^53; the WebAssembly
 * SIMD kernel and the plain loop are interchangeable.
 */
export interface SumKernel {
	readonly replicates: number;
	readonly problems: number;
	/** counts[j * stride + b] is problem j's weight in replicate b; the padding (b >= replicates) is 0. */
	readonly counts: Int32Array;
	readonly stride: number;
	/** 'wasm' (SIMD) or 'js': which loop moves the sums. */
	readonly kind: 'wasm' | 'js';
	/** target[b] += sum over r < count of counts[rows[r] * stride + b] * deltas[r], for b < replicates. */
	addRows(target: Float64Array, rows: Int32Array, deltas: Float64Array, count: number): void;
}

/** Replicates are moved four at a time by the WebAssembly kernel. */
const strideOf = (replicates: number): number => Math.ceil(replicates / 4) * 4;

function wasmKernel(replicates: number, problems: number): SumKernel | undefined {
	const stride = strideOf(replicates);
	// Laid out once and never grown, so the views below stay valid: counts, then one target of
	// `stride` sums, then up to `problems` rows and their deltas (a column moves each problem once).
	const target = problems * stride * 4;
	const rowsAt = target + stride * 8;
	const deltasAt = Math.ceil((rowsAt + problems * 4) / 8) * 8;
	const bytes = deltasAt + problems * 8;
	const wasm = instantiateKernels(bytes);
	if (!wasm) return undefined;
	const { memory, kernels } = wasm;
	const counts = new Int32Array(memory.buffer, 0, problems * stride);
	const sums = new Float64Array(memory.buffer, target, replicates);
	const rowView = new Int32Array(memory.buffer, rowsAt, problems);
	const deltaView = new Float64Array(memory.buffer, deltasAt, problems);
	return {
		replicates,
		problems,
		counts,
		stride,
		kind: 'wasm',
		addRows(out, rows, deltas, count) {
			if (count === 0) return;
			if (count > problems) throw new RangeError(`sumKernel: ${count} rows, at most ${problems}`);
			sums.set(out.subarray(0, replicates));
			rowView.set(rows.subarray(0, count));
			deltaView.set(deltas.subarray(0, count));
			kernels.move(target, rowsAt, deltasAt, count, stride * 4);
			out.set(sums);
		}
	};
}

/**
 * The plain loop: eight (then four, then one) rows per pass over the replicates, so a pass reads and
 * writes the targets once, not once per row. No branch on a zero weight: a third of the weights are
 * 0 and mispredicting them costs more than the multiply.
 */
function addRowsJs(target: Float64Array, weights: Int32Array, stride: number, B: number, rows: Int32Array, delta: Float64Array, count: number): void {
	let r = 0;
	for (; r + 8 <= count; r += 8) {
		const b0 = rows[r]! * stride;
		const b1 = rows[r + 1]! * stride;
		const b2 = rows[r + 2]! * stride;
		const b3 = rows[r + 3]! * stride;
		const b4 = rows[r + 4]! * stride;
		const b5 = rows[r + 5]! * stride;
		const b6 = rows[r + 6]! * stride;
		const b7 = rows[r + 7]! * stride;
		const d0 = delta[r]!;
		const d1 = delta[r + 1]!;
		const d2 = delta[r + 2]!;
		const d3 = delta[r + 3]!;
		const d4 = delta[r + 4]!;
		const d5 = delta[r + 5]!;
		const d6 = delta[r + 6]!;
		const d7 = delta[r + 7]!;
		for (let b = 0; b < B; b++) {
			target[b]! +=
				weights[b0 + b]! * d0 + weights[b1 + b]! * d1 + weights[b2 + b]! * d2 + weights[b3 + b]! * d3 + weights[b4 + b]! * d4 + weights[b5 + b]! * d5 + weights[b6 + b]! * d6 + weights[b7 + b]! * d7;
		}
	}
	for (; r + 4 <= count; r += 4) {
		const b0 = rows[r]! * stride;
		const b1 = rows[r + 1]! * stride;
		const b2 = rows[r + 2]! * stride;
		const b3 = rows[r + 3]! * stride;
		const d0 = delta[r]!;
		const d1 = delta[r + 1]!;
		const d2 = delta[r + 2]!;
		const d3 = delta[r + 3]!;
		for (let b = 0; b < B; b++) target[b]! += weights[b0 + b]! * d0 + weights[b1 + b]! * d1 + weights[b2 + b]! * d2 + weights[b3 + b]! * d3;
	}
	for (; r < count; r++) {
		const b0 = rows[r]! * stride;
		const d0 = delta[r]!;
		for (let b = 0; b < B; b++) target[b]! += weights[b0 + b]! * d0;
	}
}

function jsKernel(replicates: number, problems: number): SumKernel {
	const stride = strideOf(replicates);
	const counts = new Int32Array(problems * stride);
	return {
		replicates,
		problems,
		counts,
		stride,
		kind: 'js',
		addRows: (target, rows, deltas, count) => addRowsJs(target, counts, stride, replicates, rows, deltas, count)
	};
}

/** Zeroed weights for `problems` x `replicates`, on the WebAssembly kernel when it runs here (`wasm: false`: the plain loop). */
export function createSumKernel(replicates: number, problems: number, options: { wasm?: boolean } = {}): SumKernel {
	return (options.wasm !== false && replicates > 0 && problems > 0 ? wasmKernel(replicates, problems) : undefined) ?? jsKernel(replicates, problems);
}
