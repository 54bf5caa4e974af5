import { describe, expect, it } from 'vitest';
import { computeReport, explanationFor, explanations, tidyRows, toCsv, type TidyRow } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';

const report = computeReport(syntheticBundle({ models: 2, problems: 20, n: 4, words: 30, seed: 3 }), { bootstrap: 100 });
const rows = tidyRows(report);

describe('tidyRows', () => {
	it('tidyRows(report) gives one row per number with the documented metric names and subsets', () => {
		const metrics = new Set(rows.map((r) => r.metric));
		for (const m of ['pass@k', 'maj@k', 'pass1_greedy', 'pass1_sampled', 'coverage', 'distinct_n', 'ead', 'semantic_diversity', 'equation_diversity', 'answer_diversity', 'answer_entropy', 'accuracy', 'group_disparity', 'improvement_set', 'regression_set']) {
			expect(metrics.has(m as TidyRow['metric'])).toBe(true);
		}
		const subsets = new Set(rows.map((r) => r.subset));
		for (const s of ['all', 'correct', 'incorrect', 'split:ood', 'split:in-domain', 'level:3']) expect(subsets.has(s)).toBe(true);
		const p4 = rows.find((r) => r.model === 'M1' && r.metric === 'pass@k' && r.subset === 'all' && r.k === 4)!;
		expect(p4.value).toBe(report.models[0]!.accuracy.passAtK.find((p) => p.k === 4)!.value);
		expect(rows.find((r) => r.metric === 'coverage')!.k).toBeUndefined();
		expect(rows.filter((r) => r.metric === 'improvement_set').map((r) => r.model)).toEqual(['M2']);
	});
});

describe('toCsv', () => {
	it('toCsv(rows) writes the header, CRLF lines, numbers as numbers and empty cells for undefined', () => {
		const csv = toCsv(rows);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('model,metric,subset,k,value,ci_low,ci_high');
		expect(lines.length).toBe(rows.length + 2);
		expect(toCsv([{ model: 'M1', metric: 'coverage', subset: 'all', k: undefined, value: -0.25, ci_low: undefined, ci_high: 0.5 }])).toBe('model,metric,subset,k,value,ci_low,ci_high\r\nM1,coverage,all,,-0.25,,0.5\r\n');
	});
	it('toCsv(rows) quotes by RFC 4180 and defuses formulas in text cells', () => {
		const row = (model: string): TidyRow => ({ model, metric: 'coverage', subset: 'all', k: 2, value: 1, ci_low: 0, ci_high: 1 });
		const body = (model: string): string => toCsv([row(model)]).split('\r\n')[1]!;
		expect(body('a,"b"')).toBe('"a,""b""",coverage,all,2,1,0,1');
		expect(body('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")",coverage,all,2,1,0,1`);
		expect(body('+1')).toBe("'+1,coverage,all,2,1,0,1");
		expect(body('-M')).toBe("'-M,coverage,all,2,1,0,1");
		expect(body('@cmd')).toBe("'@cmd,coverage,all,2,1,0,1");
		expect(body('line\nbreak')).toBe('"line\nbreak",coverage,all,2,1,0,1');
	});
});

describe('explanations', () => {
	it('explanations has a paragraph for every tidy metric, and explanationFor(topic) maps report fields', () => {
		for (const m of new Set(rows.map((r) => r.metric))) if (m !== 'difference' && m !== 'reference_pass@k_on_improvement_set') expect(explanationFor(m), m).toBeTruthy();
		expect(explanationFor('passAtK')).toBe(explanations['pass@k']);
		expect(explanationFor('semantic')).toMatch(/hashed n-gram cosine/);
		expect(explanationFor('nope')).toBeUndefined();
	});
});
