import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { sampleKey } from '../../../src/lib/core/types';

describe('syntheticBundle', () => {
	const b = syntheticBundle({ models: 3, problems: 60, n: 8, words: 60, seed: 9 });
	it('syntheticBundle(options) is valid: known ids, unique keys, correct flags consistent with answers', () => {
		expect(b.samples.length).toBe(3 * 60 * 9);
		const problems = new Map(b.problems.map((p) => [p.id, p]));
		expect(new Set(b.samples.map(sampleKey)).size).toBe(b.samples.length);
		for (const s of b.samples) {
			const p = problems.get(s.problem)!;
			expect(s.correct).toBe(s.answer === p.answer);
			expect(s.text.endsWith(`#### ${s.answer}`)).toBe(true);
			expect(s.text).toMatch(/<<[^<>]+=[^<>]+>>/);
		}
		for (const p of b.problems) {
			expect(p.level).toBeGreaterThanOrEqual(1);
			expect(p.level).toBeLessThanOrEqual(5);
			expect(['in-domain', 'ood']).toContain(p.split);
		}
	});
	it('syntheticBundle(options) repeats for the same seed', () => {
		expect(syntheticBundle({ models: 3, problems: 60, n: 8, words: 60, seed: 9 })).toEqual(b);
		expect(syntheticBundle({ models: 3, problems: 60, n: 8, words: 60, seed: 10 }).samples[0]!.text).not.toBe(b.samples[0]!.text);
	});
	it('syntheticBundle(options) has its built-in reversal: pass@1 up, pass@n and diversity down', () => {
		const r = computeReport(syntheticBundle({ models: 5, problems: 300, n: 16, words: 60, seed: 2 }), { bootstrap: 500 });
		const first = r.models[0]!;
		const last = r.models[4]!;
		expect(last.accuracy.pass1Greedy.value!).toBeGreaterThan(first.accuracy.pass1Greedy.value!);
		expect(last.accuracy.passAtK.at(-1)!.value!).toBeLessThan(first.accuracy.passAtK.at(-1)!.value!);
		expect(last.diversity.all.distinctN.value!).toBeLessThan(first.diversity.all.distinctN.value!);
		expect(last.bySplit.ood!.pass1Greedy.value!).toBeLessThan(first.bySplit.ood!.pass1Greedy.value!);
		expect(last.verdict!.kind).toBe('reversal');
	});
});
