import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import * as inputs from '../../../src/lib/ui/report/chartInputs';
import { markdownSummary } from '../../../src/lib/export/markdownSummary';

const bundle = syntheticBundle({ models: 3, problems: 24, n: 8, words: 30, seed: 5 });
const report = computeReport(bundle, { bootstrap: 200 });

describe('chartInputs', () => {
	it('curveSeries(report, passAtK) gives one series per model in study order with the report points', () => {
		const series = inputs.curveSeries(report, 'passAtK');
		expect(series.map((s) => s.id)).toEqual(['M1', 'M2', 'M3']);
		expect(series[1]!.points).toBe(report.models.find((m) => m.model === 'M2')!.accuracy.passAtK);
	});

	it('setSizes(report) counts IS and RS of every non-reference model', () => {
		const bars = inputs.setSizes(report);
		expect(bars.groups.map((g) => g.id)).toEqual(['M2', 'M3']);
		const m3 = report.models.find((m) => m.model === 'M3')!;
		expect(bars.value('M3', 'improved')?.value).toBe(m3.sets!.improved.length);
		expect(bars.value('M3', 'regressed')?.value).toBe(m3.sets!.regressed.length);
	});

	it('isCurveSeries(report) leaves out models whose improvement set is empty', () => {
		const withSets = report.models.filter((m) => m.sets && m.sets.improved.length > 0).map((m) => m.model);
		expect(withSets.length).toBeGreaterThan(0);
		expect(inputs.isCurveSeries(report).map((s) => s.id)).toEqual(withSets);
		const none = { ...report, models: report.models.map((m) => (m.sets ? { ...m, sets: { ...m.sets, improved: [] } } : m)) };
		expect(inputs.isCurveSeries(none)).toEqual([]);
	});

	it('diversity(report, metric) reads each subset of each model', () => {
		const bars = inputs.diversity(report, 'distinctN');
		const m1 = report.models.find((m) => m.model === 'M1')!;
		expect(bars.value('correct', 'M1')?.value).toBe(m1.diversity.correct.distinctN.value);
		expect(bars.value('incorrect', 'M1')?.ci).toEqual(m1.diversity.incorrect.distinctN.ci);
	});

	it('splits(report) uses greedy pass@1 when the study has greedy outputs', () => {
		const m2 = report.models.find((m) => m.model === 'M2')!;
		expect(inputs.splits(report).value('ood', 'M2')?.value).toBe(m2.bySplit.ood?.pass1Greedy.value);
	});

	it('levels(report) lists every level present, easiest first', () => {
		const levels = inputs.levels(report).groups.map((g) => Number(g.id));
		expect(levels).toEqual([...levels].sort((a, b) => a - b));
		expect(levels.length).toBeGreaterThan(1);
	});
});

describe('markdownSummary', () => {
	it('markdownSummary(report) has the headline table and one section per verdict', () => {
		const md = markdownSummary(report, { studyName: 'A | study', samples: bundle.samples.length, problems: 24, createdAt: bundle.createdAt });
		expect(md.startsWith('# A \\| study\n')).toBe(true);
		// The registry's headline columns (tests/unit/metrics/registry.test.ts checks them all), then the verdict.
		expect(md).toMatch(/^\| model \| pass@1 greedy \| pass@1 sampled \| pass@8 \| Distinct-n, all samples \| OOD acc \| GD \| pass\^8 \| crossover k \| .*verdict \|$/m);
		for (const m of report.models) {
			if (m.verdict) expect(md).toContain(`### ${m.label}: ${m.verdict.kind}`);
			else expect(md).toMatch(new RegExp(`\\| ${m.label} \\|.*\\| reference \\|`));
		}
		expect(md).not.toContain('NaN');
	});
});
