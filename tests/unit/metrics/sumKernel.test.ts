import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSumKernel } from '../../../src/lib/core/metrics/sumKernel';
import { KERNELS_WASM } from '../../../src/lib/core/metrics/kernelsWasm';
import { compileKernels } from '../../../tools/wasm/compileKernels';

/** target[b] + sum of counts * deltas, one term at a time. */
function naive(target: Float64Array, counts: Int32Array, stride: number, rows: Int32Array, deltas: Float64Array, count: number): Float64Array {
	const out = Float64Array.from(target);
	for (let r = 0; r < count; r++) for (let b = 0; b < out.length; b++) out[b]! += counts[rows[r]! * stride + b]! * deltas[r]!;
	return out;
}

describe('createSumKernel', () => {
	it('runs the WebAssembly SIMD kernel in Node 20', () => {
		expect(createSumKernel(10, 3).kind).toBe('wasm');
		expect(createSumKernel(10, 3, { wasm: false }).kind).toBe('js');
	});
	it('addRows(target, rows, deltas, count) is the same sums, bit for bit, on the WebAssembly kernel, the plain loop and one term at a time', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 37 }),
				fc.integer({ min: 1, max: 30 }),
				fc.integer(),
				fc.integer({ min: 0, max: 30 }),
				(replicates, problems, seed, wanted) => {
					const wasm = createSumKernel(replicates, problems);
					const js = createSumKernel(replicates, problems, { wasm: false });
					expect(wasm.stride % 4).toBe(0);
					let s = seed >>> 0;
					const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
					for (let j = 0; j < problems; j++) {
						for (let b = 0; b < replicates; b++) wasm.counts[j * wasm.stride + b] = js.counts[j * js.stride + b] = next() % 6;
					}
					const count = Math.min(wanted, problems);
					const rows = Int32Array.from({ length: count }, () => next() % problems);
					// Quantized values of either sign up to 2^31, as the column store's are.
					const deltas = Float64Array.from({ length: count }, () => (next() % 2 ? -1 : 1) * (next() % 2 ** 31));
					const start = Float64Array.from({ length: replicates }, () => next() % 2 ** 40);
					const a = Float64Array.from(start);
					const b = Float64Array.from(start);
					wasm.addRows(a, rows, deltas, count);
					js.addRows(b, rows, deltas, count);
					const want = naive(start, js.counts, js.stride, rows, deltas, count);
					expect([...a]).toEqual([...want]);
					expect([...b]).toEqual([...want]);
				}
			),
			{ numRuns: 200 }
		);
	});
	it('addRows(...) refuses more rows than problems (its buffers hold one row per problem)', () => {
		const k = createSumKernel(4, 2);
		expect(() => k.addRows(new Float64Array(4), new Int32Array(3), new Float64Array(3), 3)).toThrow(/3 rows, at most 2/);
	});
	it('the shipped WebAssembly bytes are tools/wasm/kernelsWat.ts compiled (npx tsx tools/wasm/build.ts)', async () => {
		expect(Buffer.from(await compileKernels()).toString('base64')).toBe(KERNELS_WASM);
	});
});
