import { instantiateKernels, WASM_PAGE } from './wasmKernels';

/**
 * sum[i] += vectors[k][i] * scales[k] for k in order: the semantic-diversity sums. On the
 * WebAssembly SIMD kernel when it runs here (the same roundings in the same order as the plain
 * loop, so the same bits), else the plain loop.
 */
export interface ScaleAdder {
	readonly kind: 'wasm' | 'js';
	add(sum: Float64Array, vectors: readonly Float32Array[], scales: readonly number[], d: number): void;
}

/** Adds v * scale to sum, four at a time (each sum[i] still receives its terms in the same order). */
function addScaled(sum: Float64Array, v: Float32Array, scale: number, d: number): void {
	let i = 0;
	for (; i + 4 <= d; i += 4) {
		sum[i]! += v[i]! * scale;
		sum[i + 1]! += v[i + 1]! * scale;
		sum[i + 2]! += v[i + 2]! * scale;
		sum[i + 3]! += v[i + 3]! * scale;
	}
	for (; i < d; i++) sum[i]! += v[i]! * scale;
}

function addAll(sum: Float64Array, vectors: readonly Float32Array[], scales: readonly number[], d: number): void {
	for (let k = 0; k < vectors.length; k++) addScaled(sum, vectors[k]!, scales[k]!, d);
}

const jsAdder: ScaleAdder = { kind: 'js', add: addAll };

function wasmAdder(): ScaleAdder | undefined {
	const wasm = instantiateKernels(WASM_PAGE);
	if (!wasm) return undefined;
	const { memory, kernels } = wasm;
	return {
		kind: 'wasm',
		add(sum, vectors, scales, d) {
			const n = vectors.length;
			if (n === 0) return;
			// The kernel takes eight dimensions at a time.
			if (d % 8 !== 0) return addAll(sum, vectors, scales, d);
			// Laid out as the sums, the scales, then the vectors one after another.
			const scalesAt = d * 8;
			const vectorsAt = scalesAt + n * 8;
			const bytes = vectorsAt + n * d * 4;
			if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / WASM_PAGE));
			const buffer = memory.buffer;
			const sums = new Float64Array(buffer, 0, d);
			sums.set(sum.subarray(0, d));
			new Float64Array(buffer, scalesAt, n).set(scales);
			const into = new Float32Array(buffer, vectorsAt, n * d);
			for (let k = 0; k < n; k++) {
				const v = vectors[k]!;
				into.set(v.length === d ? v : v.subarray(0, d), k * d);
			}
			kernels.scaleAdd(0, vectorsAt, scalesAt, n, d);
			sum.set(sums);
		}
	};
}

let shared: ScaleAdder | undefined;

/** The adder of this thread (`wasm: false`: the plain loop). */
export function scaleAdder(options: { wasm?: boolean } = {}): ScaleAdder {
	if (options.wasm === false) return jsAdder;
	return (shared ??= wasmAdder() ?? jsAdder);
}
