import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleAdder } from '../../../src/lib/core/metrics/scaleAdder';

describe('scaleAdder', () => {
	it('runs the WebAssembly SIMD kernel in Node 20', () => {
		expect(scaleAdder().kind).toBe('wasm');
		expect(scaleAdder({ wasm: false }).kind).toBe('js');
	});
	it('add(sum, vectors, scales, d) gives the plain loop\'s bits on the WebAssembly kernel (order-dependent float sums, any d)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(8, 16, 24, 256, 12, 5),
				fc.array(fc.tuple(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: 1e-9, max: 1e3 })), { minLength: 0, maxLength: 40 }),
				fc.integer(),
				(d, terms, seed) => {
					let s = seed >>> 0;
					const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 3;
					const vectors = terms.map(([x]) => Float32Array.from({ length: d }, () => Math.fround(x * next())));
					const scales = terms.map(([, c]) => c);
					const start = Float64Array.from({ length: d }, () => next() * 1e-3);
					const a = Float64Array.from(start);
					const b = Float64Array.from(start);
					scaleAdder().add(a, vectors, scales, d);
					scaleAdder({ wasm: false }).add(b, vectors, scales, d);
					expect([...a]).toEqual([...b]);
					// The terms' order matters to these bits: the kernel kept it.
					const want = Float64Array.from(start);
					for (let k = 0; k < vectors.length; k++) for (let i = 0; i < d; i++) want[i]! += vectors[k]![i]! * scales[k]!;
					expect([...a]).toEqual([...want]);
				}
			),
			{ numRuns: 300 }
		);
	});
	it('add(...) takes more vectors than one memory page holds (the memory grows)', () => {
		const d = 256;
		const vectors = Array.from({ length: 200 }, (_, k) => Float32Array.from({ length: d }, (_, i) => Math.fround(Math.sin(k * 31 + i))));
		const scales = vectors.map((_, k) => 1 / (k + 1));
		const a = new Float64Array(d);
		const b = new Float64Array(d);
		scaleAdder().add(a, vectors, scales, d);
		scaleAdder({ wasm: false }).add(b, vectors, scales, d);
		expect([...a]).toEqual([...b]);
	});
});
