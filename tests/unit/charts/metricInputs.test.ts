// Inputs of the registry's charts and of the charts beyond pass@k, from a computed report.
import { describe, expect, it } from 'vitest';
import { METRICS, computeReport } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { layoutGroupedBars } from '../../../src/lib/ui/charts/groupedBars';
import * as inputs from '../../../src/lib/ui/report/metricInputs';
import { barsSvg, expectSnapshot } from './svgSnapshot';

const bundle = syntheticBundle({ models: 3, problems: 24, n: 8, words: 20, seed: 9 });
const report = computeReport(bundle, { bootstrap: 100 });
const metric = (id: string) => METRICS.find((m) => m.id === id)!;

describe('metricInputs', () => {
	it('informativeProblem(report, problems, model) picks the problem with c/n nearest 1/2', () => {
		const rates = report.models[2]!.successRates;
		const id = inputs.informativeProblem(report, bundle.problems, 'M3')!;
		const j = bundle.problems.findIndex((p) => p.id === id);
		const nearest = Math.min(...rates.filter((r): r is number => r !== null).map((r) => Math.abs(r - 0.5)));
		expect(Math.abs(rates[j]! - 0.5)).toBe(nearest);
		// All right or all wrong everywhere: the problem the model changed most against the reference.
		const flat = { ...report, models: report.models.map((m, i) => ({ ...m, successRates: m.successRates.map((_, q) => (i === 0 ? (q === 5 ? 1 : 0) : 0)) })) };
		expect(inputs.informativeProblem(flat, bundle.problems, 'M3')).toBe(bundle.problems[5]!.id);
		expect(inputs.informativeProblem(report, bundle.problems, 'nobody')).toBeUndefined();
	});
	it('chartsIn(section) lists every registry chart of the section once, ordered', () => {
		const all = (['accuracy', 'beyond', 'sets', 'coverage', 'diversity', 'ood'] as const).flatMap((s) => inputs.chartsIn(s).map((c) => c.chart.id));
		expect(all.sort()).toEqual(METRICS.flatMap((m) => m.charts ?? []).map((c) => c.id).sort());
		expect(inputs.chartsIn('accuracy').map((c) => c.chart.id)).toEqual(['pass-at-k', 'maj-at-k']);
		// Charts with a larger order come last in their section.
		expect(inputs.chartsIn('beyond').slice(-2).map((c) => c.chart.id)).toEqual(['problem-scatter', 'success-histogram']);
	});
	it('metricCurves(report, pass^k) gives one curve per model over the k grid', () => {
		const curves = inputs.metricCurves(report, metric('passHatK'));
		expect(curves.map((c) => c.id)).toEqual(['M1', 'M2', 'M3']);
		expect(curves[1]!.points.map((p) => p.k)).toEqual(report.ks);
		expect(curves[1]!.points[0]!.value).toBe(report.models[1]!.accuracy.pass1Sampled.value);
	});
	it('gridBars(report, cover) has one group per tau and the model values', () => {
		const input = inputs.gridBars(report, metric('cover'));
		expect(input.groups.map((g) => g.label)).toEqual(['cover@0.25', 'cover@0.5', 'cover@0.75', 'cover@1']);
		expect(input.value('0.5', 'M2')?.value).toBe(report.models[1]!.measures.cover!.find((p) => p.at === 0.5)!.value);
	});
	it('successBars(report) gives shares that sum to 1 per model, and problemsWhere finds the problems behind a band', () => {
		const input = inputs.successBars(report);
		for (const m of report.models) {
			const total = input.groups.reduce((a, g) => a + (input.value(g.id, m.model)?.value ?? 0), 0);
			expect(total).toBeCloseTo(1, 12);
			for (const g of input.groups) {
				const ids = inputs.problemsWhere(report, bundle.problems, m.model, inputs.inBand(Number(g.id)));
				expect(ids.length).toBe(input.value(g.id, m.model)?.problems);
			}
		}
		expectSnapshot('success-histogram', barsSvg(layoutGroupedBars(input)));
	});
	it('scatterInput and twoSetInput take the chosen model against the reference', () => {
		const scatter = inputs.scatterInput(report, bundle.problems, 'M3');
		expect(scatter.points).toHaveLength(24);
		expect(scatter.points[0]).toEqual({ problem: bundle.problems[0]!.id, reference: report.models[0]!.successRates[0], model: report.models[2]!.successRates[0] });
		const sets = report.models[2]!.versus!.solvable!;
		expect(inputs.twoSetInput(report, 'M3')?.counts).toEqual({ onlyReference: sets.onlyReference.count, both: sets.both.count, onlyModel: sets.onlyModel.count });
		expect(inputs.twoSetInput(report, 'M1')).toBeUndefined();
		expect(inputs.regionProblems(report, 'M3', 'both')).toEqual(sets.both.ids);
	});
});
