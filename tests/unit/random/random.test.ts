import { describe, expect, it } from 'vitest';
import { hashString, mulberry32, randomInt, sampleSeed } from '../../../src/lib/core/random';

describe('random', () => {
	it('hashString(text) is stable across runs (fixed values)', () => {
		expect(hashString('')).toBe(hashString(''));
		expect(hashString('abc')).not.toBe(hashString('abd'));
		expect(hashString('abc', 1)).not.toBe(hashString('abc', 2));
	});
	it('mulberry32(seed) repeats for the same seed and stays in [0, 1)', () => {
		const a = mulberry32(7);
		const b = mulberry32(7);
		for (let i = 0; i < 1000; i++) {
			const x = a();
			expect(x).toBe(b());
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});
	it('randomInt(random, 1, 6) covers 1..6 and nothing else', () => {
		const r = mulberry32(1);
		const seen = new Set<number>();
		for (let i = 0; i < 600; i++) seen.add(randomInt(r, 1, 6));
		expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
	});
	it('sampleSeed(...) is a non-negative int32 and distinct over a study grid', () => {
		const seeds = new Set<number>();
		for (const m of ['M1', 'M2'])
			for (let p = 0; p < 50; p++)
				for (let i = -1; i < 16; i++) {
					const s = sampleSeed(42, m, `p${p}`, i);
					expect(Number.isInteger(s) && s >= 0 && s <= 0x7fffffff).toBe(true);
					seeds.add(s);
				}
		expect(seeds.size).toBe(2 * 50 * 17);
	});
});
