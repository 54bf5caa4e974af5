import { describe, expect, it } from 'vitest';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { answerSpaceOf, buildSampleIndex, emptyFilter, filterRows, outputGroups, type SampleFilter } from '../../../src/lib/core/samples';
import { problemRowHeight, rowOffsets, visibleRange, NARROW_BROWSER, PROBLEM_ROW, PROBLEM_ROW_NARROW, SAMPLE_ROW } from '../../../src/lib/ui/samples/virtualRows';

const bundle = syntheticBundle({ models: 2, problems: 12, n: 4, words: 20, seed: 3 });
const index = buildSampleIndex(bundle);
/** Sample by sample, as before grouping existed. */
const each = (f: Partial<SampleFilter> = {}): SampleFilter => ({ ...emptyFilter(), group: false, ...f });

describe('filterRows', () => {
	it('filterRows(all) lists every problem with one row per sample index', () => {
		const rows = filterRows(index, undefined, each());
		expect(rows.filter((r) => r.kind === 'problem')).toHaveLength(12);
		expect(rows.filter((r) => r.kind === 'samples')).toHaveLength(12 * 5);
	});

	it('filterRows(correctness: correct) keeps only indices where a shown model is correct', () => {
		const rows = filterRows(index, undefined, each({ models: ['M1'], correctness: 'correct' }));
		for (const r of rows) {
			if (r.kind !== 'samples') continue;
			const s = bundle.samples.find((x) => x.model === 'M1' && x.problem === r.problem && x.index === r.index);
			expect(s?.correct).toBe(true);
		}
	});

	it('filterRows(split, maxIndex, search) narrows as asked', () => {
		const ood = filterRows(index, undefined, each({ split: 'ood' }));
		const oodIds = new Set(bundle.problems.filter((p) => p.split === 'ood').map((p) => p.id));
		expect(ood.every((r) => oodIds.has(r.problem))).toBe(true);
		const firstTwo = filterRows(index, undefined, each({ maxIndex: 2 }));
		expect(new Set(firstTwo.flatMap((r) => (r.kind === 'samples' ? [r.index] : [])))).toEqual(new Set([-1, 0, 1]));
		const p = bundle.problems[3]!;
		const found = filterRows(index, undefined, each({ search: p.question.slice(0, 40).toUpperCase() }));
		expect(found.some((r) => r.problem === p.id)).toBe(true);
		expect(filterRows(index, undefined, each({ search: 'no such text anywhere' }))).toEqual([]);
	});

	it('filterRows(problems) keeps only the listed problems, in study order', () => {
		const wanted = [bundle.problems[7]!.id, bundle.problems[2]!.id];
		const rows = filterRows(index, undefined, each({ problems: wanted }));
		expect(rows.filter((r) => r.kind === 'problem').map((r) => r.problem)).toEqual([bundle.problems[2]!.id, bundle.problems[7]!.id]);
		expect(filterRows(index, undefined, each({ problems: [] }))).toEqual([]);
	});
});

describe('outputGroups and grouped rows', () => {
	// Problem 0: M1 writes the same text for every sample but one; M2 writes two texts, three and two times.
	// Every other sample's text is its own.
	const repeated = syntheticBundle({ models: 2, problems: 3, n: 4, words: 12, seed: 9 });
	const p0 = repeated.problems[0]!.id;
	for (const s of repeated.samples) {
		if (s.problem !== p0) s.text = `${s.model} on ${s.problem}, sample ${s.index}`;
		else if (s.model === 'M1') s.text = s.index === 2 ? 'The answer is 7.' : 'The answer is 5.';
		else s.text = s.index < 2 ? 'twice' : 'thrice';
	}
	const idx = buildSampleIndex(repeated);

	it('outputGroups(samples) groups exact texts in the order of their first index, counting each', () => {
		const groups = outputGroups(repeated.samples.filter((s) => s.problem === p0 && s.model === 'M1').reverse());
		expect(groups.map((g) => [g.text, g.samples.map((s) => s.index)])).toEqual([
			['The answer is 5.', [-1, 0, 1, 3]],
			['The answer is 7.', [2]]
		]);
		expect(outputGroups([])).toEqual([]);
	});

	it('filterRows(group) gives a problem as many rows as its most varied model has distinct outputs, and says how many samples it folded', () => {
		const rows = filterRows(idx, undefined, emptyFilter()).filter((r) => r.problem === p0);
		// M1: 2 distinct of 5; M2: 2 distinct of 5 -> 2 rows, 6 samples folded.
		expect(rows).toEqual([
			{ kind: 'problem', problem: p0, folded: 6 },
			{ kind: 'outputs', problem: p0, slot: 0 },
			{ kind: 'outputs', problem: p0, slot: 1 }
		]);
		// The other problems' texts all differ: nothing folded, one row per sample.
		const other = filterRows(idx, undefined, emptyFilter()).filter((r) => r.problem !== p0);
		expect(other.filter((r) => r.kind === 'problem').every((r) => r.kind === 'problem' && r.folded === 0)).toBe(true);
		expect(other.filter((r) => r.kind === 'outputs')).toHaveLength(2 * 5);
	});

	it('filterRows(expanded) shows an expanded problem sample by sample; filters apply before grouping', () => {
		const rows = filterRows(idx, undefined, { ...emptyFilter(), expanded: [p0] }).filter((r) => r.problem === p0);
		expect(rows.filter((r) => r.kind === 'samples')).toHaveLength(5);
		const onlyM2 = filterRows(idx, undefined, { ...emptyFilter(), models: ['M2'], search: 'thrice' }).filter((r) => r.problem === p0);
		expect(onlyM2).toEqual([
			{ kind: 'problem', problem: p0, folded: 1 },
			{ kind: 'outputs', problem: p0, slot: 0 }
		]);
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
		const rows = filterRows(index, undefined, each());
		const offsets = rowOffsets(rows);
		expect(offsets[2]).toBe(PROBLEM_ROW + SAMPLE_ROW);
		const [start, end] = visibleRange(offsets, 1000, 500, 0);
		expect(offsets[start]!).toBeLessThanOrEqual(1000);
		expect(offsets[start + 1]!).toBeGreaterThan(1000);
		expect(offsets[end - 1]!).toBeLessThan(1500);
		expect(offsets[end] ?? Infinity).toBeGreaterThanOrEqual(1500);
	});

	it('a narrow browser gives problem headers more height, and the offsets follow', () => {
		expect([0, NARROW_BROWSER - 1, NARROW_BROWSER, 1280].map(problemRowHeight)).toEqual([PROBLEM_ROW, PROBLEM_ROW_NARROW, PROBLEM_ROW, PROBLEM_ROW]);
		const rows = filterRows(index, undefined, each());
		const problems = rows.filter((r) => r.kind === 'problem').length;
		const narrow = rowOffsets(rows, PROBLEM_ROW_NARROW);
		expect(narrow[rows.length]! - rowOffsets(rows)[rows.length]!).toBe(problems * (PROBLEM_ROW_NARROW - PROBLEM_ROW));
	});
});
