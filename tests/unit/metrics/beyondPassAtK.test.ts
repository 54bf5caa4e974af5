// The measures adopted since the paper (METRICS.md section 9): pass^k, the crossover, solvable sets
// and per-problem success rates, against hand-computed values and their properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, crossoverK, passAtK, passHatK, solvableAt, successHistogram, tidyRows, type ModelReport } from '../../../src/lib/core/metrics';
import { assertInDelta } from '../asserts';
import { bundle, problem, sample } from './fixtures';

const triple = fc
	.integer({ min: 1, max: 200 })
	.chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n })));

describe('passHatK', () => {
	it('passHatK(n, c, k) matches hand-computed values', () => {
		assertInDelta(passHatK(4, 2, 2), (2 / 4) * (1 / 3));
		assertInDelta(passHatK(10, 3, 1), 0.3);
		assertInDelta(passHatK(16, 12, 4), (12 * 11 * 10 * 9) / (16 * 15 * 14 * 13));
		expect(passHatK(5, 5, 5)).toBe(1);
		expect(passHatK(5, 4, 5)).toBe(0);
	});
	it('passHatK(n, c, k) is undefined for k > n and n = 0, and rejects impossible counts', () => {
		expect(passHatK(4, 4, 5)).toBeUndefined();
		expect(passHatK(0, 0, 1)).toBeUndefined();
		expect(() => passHatK(4, 5, 1)).toThrow(/0 <= c <= n/);
		expect(() => passHatK(4, 2, 0)).toThrow(RangeError);
	});
	it('passHatK(n, c, k) <= c/n <= passAtK(n, c, k), with equality at k = 1', () => {
		fc.assert(
			fc.property(triple, ([n, c, k]) => {
				const hat = passHatK(n, c, k)!;
				const at = passAtK(n, c, k)!;
				expect(hat).toBeLessThanOrEqual(c / n + 1e-12);
				expect(c / n).toBeLessThanOrEqual(at + 1e-12);
				assertInDelta(passHatK(n, c, 1), c / n);
			})
		);
	});
	it('passHatK(n, c, k) is non-increasing in k', () => {
		fc.assert(
			fc.property(triple, ([n, c]) => {
				let last = 2;
				for (let k = 1; k <= n; k++) {
					const v = passHatK(n, c, k)!;
					expect(v).toBeLessThanOrEqual(last + 1e-15);
					last = v;
				}
			}),
			{ numRuns: 60 }
		);
	});
});

describe('crossoverK', () => {
	const ks = [1, 2, 4, 8];
	it('crossoverK(ks, t, r) is the first k where the reference catches up, and the k before it', () => {
		expect(crossoverK(ks, [0.5, 0.6, 0.65, 0.7], [0.3, 0.5, 0.66, 0.9])).toEqual({ k: 4, leadsUpTo: 2 });
		// Equal counts as caught up.
		expect(crossoverK(ks, [0.5, 0.6, 0.7, 0.8], [0.3, 0.6, 0.7, 0.9])).toEqual({ k: 2, leadsUpTo: 1 });
	});
	it('crossoverK is undefined when t is not ahead at k = 1, the curves never meet, or a value is missing', () => {
		expect(crossoverK(ks, [0.3, 0.6, 0.7, 0.8], [0.3, 0.7, 0.8, 0.9])).toBeUndefined();
		expect(crossoverK(ks, [0.5, 0.6, 0.7, 0.8], [0.3, 0.4, 0.5, 0.6])).toBeUndefined();
		expect(crossoverK(ks, [0.5, undefined, 0.7, 0.8], [0.3, 0.4, 0.9, 0.9])).toBeUndefined();
		expect(crossoverK([2, 4], [0.5, 0.6], [0.3, 0.7])).toBeUndefined();
	});
});

describe('solvableAt and successHistogram', () => {
	it('solvableAt(n, c, k) needs one correct sample among at least k', () => {
		expect(solvableAt(4, 1, 4)).toBe(true);
		expect(solvableAt(4, 0, 4)).toBe(false);
		expect(solvableAt(2, 1, 4)).toBeUndefined();
	});
	it('successHistogram(rates) keeps exact 0 and 1 apart and leaves out missing rates', () => {
		expect(successHistogram([0, 0.1, 0.25, 0.5, 0.74, 0.75, 0.99, 1, null, undefined])).toEqual([1, 1, 1, 2, 2, 1]);
		expect(successHistogram([null, undefined])).toBeUndefined();
		expect(successHistogram([])).toBeUndefined();
	});
});

describe('computeReport: the measures beyond pass@k on a hand-computed bundle', () => {
	// n = 4. M1 right 2, 1, 0 times on p1, p2, p3; M2 right 4, 2, 0 times.
	const problems = [problem('p1'), problem('p2'), problem('p3', 'ood')];
	const answers: Record<string, (string | null)[][]> = {
		M1: [['1', '1', '2', '3'], ['2', '2', '1', null], ['4', '5', '6', '7']],
		M2: [['1', '1', '1', '1'], ['1', '1', '2', '2'], ['5', '5', '5', '5']]
	};
	const samples = Object.entries(answers).flatMap(([m, rows]) => rows.flatMap((row, j) => row.map((a, i) => sample(m, `p${j + 1}`, i, a))));
	const report = computeReport(bundle(['M1', 'M2'], problems, samples, 4, false), { bootstrap: 200 });
	const [m1, m2] = report.models as [ModelReport, ModelReport];
	const at = (m: ModelReport, id: string, x: number) => m.measures[id]?.find((p) => p.at === x)?.value;

	it('pass^k is the mean of C(c, k) / C(n, k) over problems, on the pass@k grid', () => {
		expect(m1.measures.passHatK?.map((p) => p.at)).toEqual(report.ks);
		assertInDelta(at(m1, 'passHatK', 1), 0.25);
		assertInDelta(at(m1, 'passHatK', 2), 1 / 6 / 3);
		assertInDelta(at(m2, 'passHatK', 2), (1 + 1 / 6) / 3);
		assertInDelta(at(m2, 'passHatK', 4), 1 / 3);
		expect(m2.measures.passHatK?.[0]?.ci).toBeDefined();
	});
	it('successRates holds c/n per problem in the study order', () => {
		expect(m1.successRates).toEqual([0.5, 0.25, 0]);
		expect(m2.successRates).toEqual([1, 0.5, 0]);
	});
	it('M2 leads at k = 1 (0.5 against 0.25) and M1 catches up at k = 4 (2/3 each): crossover k = 4', () => {
		expect(m2.versus?.crossover).toEqual({ k: 4, leadsUpTo: 2 });
		expect(m1.versus).toBeUndefined();
	});
	it('solvable sets at k = 4: both solve p1 and p2, neither p3', () => {
		const s = m2.versus?.solvable;
		expect(s?.k).toBe(4);
		expect(s?.both.ids).toEqual(['p1', 'p2']);
		expect(s?.onlyModel.count).toBe(0);
		expect(s?.onlyReference.count).toBe(0);
		expect(s?.neither).toBe(1);
		expect(s?.problems).toBe(3);
	});
	it('tidyRows(report) writes pass^k with k, crossover_k as its value and solvable counts at k', () => {
		const rows = tidyRows(report).filter((r) => r.model === 'M2');
		const one = (metric: string) => rows.filter((r) => r.metric === metric);
		expect(one('pass^k').map((r) => [r.subset, r.k])).toEqual(report.ks.map((k) => ['all', k]));
		expect(one('crossover_k')).toEqual([{ model: 'M2', metric: 'crossover_k', subset: 'all', k: undefined, value: 4, ci_low: undefined, ci_high: undefined }]);
		expect(one('solvable_both').map((r) => [r.subset, r.k, r.value])).toEqual([['all', 4, 2]]);
		expect(one('solvable_only_model').map((r) => r.value)).toEqual([0]);
		expect(one('solvable_only_reference').map((r) => r.value)).toEqual([0]);
		// The reference has no comparison rows.
		expect(tidyRows(report).filter((r) => r.model === 'M1' && r.metric.startsWith('solvable'))).toEqual([]);
	});
});
