import { describe, expect, it } from 'vitest';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { answerSpaceOf, buildSampleIndex, emptyFilter, filterRows } from '../../../src/lib/core/samples';
import { rowOffsets, visibleRange, PROBLEM_ROW, SAMPLE_ROW } from '../../../src/lib/ui/samples/virtualRows';

const bundle = syntheticBundle({ models: 2, problems: 12, n: 4, words: 20, seed: 3 });
const index = buildSampleIndex(bundle);

describe('filterRows', () => {
	it('filterRows(all) lists every problem with one row per sample index', () => {
		const rows = filterRows(index, undefined, emptyFilter());
		expect(rows.filter((r) => r.kind === 'problem')).toHaveLength(12);
		expect(rows.filter((r) => r.kind === 'samples')).toHaveLength(12 * 5);
	});

	it('filterRows(correctness: correct) keeps only indices where a shown model is correct', () => {
		const rows = filterRows(index, undefined, { ...emptyFilter(), models: ['M1'], correctness: 'correct' });
		for (const r of rows) {
			if (r.kind !== 'samples') continue;
			const s = bundle.samples.find((x) => x.model === 'M1' && x.problem === r.problem && x.index === r.index);
			expect(s?.correct).toBe(true);
		}
	});

	it('filterRows(split, maxIndex, search) narrows as asked', () => {
		const ood = filterRows(index, undefined, { ...emptyFilter(), split: 'ood' });
		const oodIds = new Set(bundle.problems.filter((p) => p.split === 'ood').map((p) => p.id));
		expect(ood.every((r) => oodIds.has(r.problem))).toBe(true);
		const firstTwo = filterRows(index, undefined, { ...emptyFilter(), maxIndex: 2 });
		expect(new Set(firstTwo.flatMap((r) => (r.kind === 'samples' ? [r.index] : [])))).toEqual(new Set([-1, 0, 1]));
		const p = bundle.problems[3]!;
		const found = filterRows(index, undefined, { ...emptyFilter(), search: p.question.slice(0, 40).toUpperCase() });
		expect(found.some((r) => r.problem === p.id)).toBe(true);
		expect(filterRows(index, undefined, { ...emptyFilter(), search: 'no such text anywhere' })).toEqual([]);
	});

	it('filterRows(problems) keeps only the listed problems, in study order', () => {
		const wanted = [bundle.problems[7]!.id, bundle.problems[2]!.id];
		const rows = filterRows(index, undefined, { ...emptyFilter(), problems: wanted });
		expect(rows.filter((r) => r.kind === 'problem').map((r) => r.problem)).toEqual([bundle.problems[2]!.id, bundle.problems[7]!.id]);
		expect(filterRows(index, undefined, { ...emptyFilter(), problems: [] })).toEqual([]);
	});
});

describe('answerSpaceOf', () => {
	it('answerSpaceOf(problem, model) shares sum to 1 and mark the gold answer correct', () => {
		const p = bundle.problems[0]!;
		const masses = answerSpaceOf(index, p.id, 'M1');
		expect(masses.reduce((a, m) => a + m.share, 0)).toBeCloseTo(1, 12);
		for (const m of masses) expect(m.correct).toBe(m.answer === p.answer);
	});
});

describe('visibleRange', () => {
	it('visibleRange(offsets, top, height) covers exactly the rows in view plus overscan', () => {
		const rows = filterRows(index, undefined, emptyFilter());
		const offsets = rowOffsets(rows);
		expect(offsets[2]).toBe(PROBLEM_ROW + SAMPLE_ROW);
		const [start, end] = visibleRange(offsets, 1000, 500, 0);
		expect(offsets[start]!).toBeLessThanOrEqual(1000);
		expect(offsets[start + 1]!).toBeGreaterThan(1000);
		expect(offsets[end - 1]!).toBeLessThan(1500);
		expect(offsets[end] ?? Infinity).toBeGreaterThanOrEqual(1500);
	});
});
