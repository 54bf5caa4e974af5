// Cover@tau (METRICS.md section 9), added through the registry alone: hand-computed values, its
// property (non-increasing in tau) and its tidy rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, tidyRows, type ModelReport } from '../../../src/lib/core/metrics';
import { assertInDelta } from '../asserts';
import { bundle, problem, sample } from './fixtures';

// n = 4. M1 right 2, 1, 0, 4 times on p1-p4: c/n = 0.5, 0.25, 0, 1.
const problems = ['p1', 'p2', 'p3', 'p4'].map((id) => problem(id));
const correct = [2, 1, 0, 4];
const samples = correct.flatMap((c, j) => Array.from({ length: 4 }, (_, i) => sample('M1', `p${j + 1}`, i, i < c ? '1' : '0')));
const report = computeReport(bundle(['M1'], problems, samples, 4, false), { bootstrap: 200 });
const m1 = report.models[0] as ModelReport;

describe('cover@tau', () => {
	it('cover at tau is the share of problems with c/n >= tau', () => {
		expect(m1.measures.cover?.map((p) => p.at)).toEqual([0.25, 0.5, 0.75, 1]);
		assertInDelta(m1.measures.cover?.[0]?.value, 3 / 4);
		assertInDelta(m1.measures.cover?.[1]?.value, 2 / 4);
		assertInDelta(m1.measures.cover?.[2]?.value, 1 / 4);
		assertInDelta(m1.measures.cover?.[3]?.value, 1 / 4);
		expect(m1.measures.cover?.[1]?.ci).toBeDefined();
	});
	it('cover is non-increasing in tau, whatever the counts', () => {
		const counts = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 });
		fc.assert(
			fc.property(counts, (cs) => {
				const ps = cs.map((_, j) => problem(`q${j}`));
				const ss = cs.flatMap((c, j) => Array.from({ length: 6 }, (_, i) => sample('M', `q${j}`, i, i < c ? '1' : '0')));
				const values = computeReport(bundle(['M'], ps, ss, 6, false), { bootstrap: 0 }).models[0]!.measures.cover!.map((p) => p.value!);
				for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]!);
			}),
			{ numRuns: 40 }
		);
	});
	it('tidyRows(report) writes cover with subset tau:<tau> and no k', () => {
		const rows = tidyRows(report).filter((r) => r.metric === 'cover');
		expect(rows.map((r) => [r.subset, r.k, r.value])).toEqual([
			['tau:0.25', undefined, 0.75],
			['tau:0.5', undefined, 0.5],
			['tau:0.75', undefined, 0.25],
			['tau:1', undefined, 0.25]
		]);
	});
	it('cover is undefined, never 0, for a model without sampled outputs', () => {
		const greedyOnly = computeReport(bundle(['M1', 'M2'], problems, [...samples, sample('M2', 'p1', -1, '1')], 4, true), { bootstrap: 0 });
		expect(greedyOnly.models[1]!.measures.cover!.map((p) => p.value)).toEqual([undefined, undefined, undefined, undefined]);
	});
});
