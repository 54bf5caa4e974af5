// From a Report to the inputs of the registry's charts and of the charts of the measures beyond
// pass@k: pure data selection, no layout and no DOM.
import { METRICS, SUCCESS_BINS, successHistogram, type ChartSpec, type DashboardSection, type MetricDescriptor } from '$lib/core/metrics';
import type { Report } from '$lib/core/metrics/reportTypes';
import type { Problem } from '$lib/core/types';
import type { CurveMarker, CurveSeries } from '$lib/ui/charts/curveChart';
import type { BarInput } from '$lib/ui/charts/groupedBars';
import type { ScatterInput } from '$lib/ui/charts/scatter';
import type { TwoSetInput, TwoSetRegion } from '$lib/ui/charts/twoSets';
import { modelsInOrder } from './chartInputs';

export interface RegistryChart {
	chart: ChartSpec;
	metric: MetricDescriptor;
}

/** The registry's charts of one dashboard section, by their `order`, then in registry order. */
export function chartsIn(section: DashboardSection): RegistryChart[] {
	const charts = METRICS.flatMap((metric) => (metric.charts ?? []).filter((chart) => chart.section === section).map((chart) => ({ chart, metric })));
	return charts.map((c, i) => ({ c, i, order: c.chart.order ?? 0 })).sort((a, b) => a.order - b.order || a.i - b.i).map(({ c }) => c);
}

/** One curve per model from a metric's points over the k grid. */
export function metricCurves(report: Report, metric: MetricDescriptor): CurveSeries[] {
	return modelsInOrder(report).map((m) => ({
		id: m.model,
		label: m.label,
		order: m.order,
		points: (metric.points?.(m, report) ?? []).map((p) => ({ k: p.at, value: p.value, ci: p.ci, problems: p.problems, excluded: 0 }))
	}));
}

/** Bars per grid value (e.g. tau) and model from a metric's points. */
export function gridBars(report: Report, metric: MetricDescriptor): BarInput {
	const ms = modelsInOrder(report);
	const grid = [...new Set(ms.flatMap((m) => (metric.points?.(m, report) ?? []).map((p) => p.at)))].sort((a, b) => a - b);
	const byId = new Map(ms.map((m) => [m.model, metric.points?.(m, report) ?? []]));
	return {
		groups: grid.map((at) => ({ id: String(at), label: metric.labelAt?.(at) ?? String(at) })),
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => byId.get(s)?.find((p) => String(p.at) === g),
		domain: metric.unit === 'rate' ? [0, 1] : undefined,
		format: metric.unit === 'rate' ? 'pct' : metric.unit === 'count' ? 'count' : 'num'
	};
}

/** Bars per diversity subset (all, correct, incorrect) and model from a metric's tidy values. */
export function subsetBars(report: Report, metric: MetricDescriptor): BarInput {
	const ms = modelsInOrder(report);
	const byId = new Map(ms.map((m) => [m.model, metric.values(m, report)]));
	return {
		groups: (['all', 'correct', 'incorrect'] as const).map((s) => ({ id: s, label: `${s} samples` })),
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => byId.get(s)?.find((v) => v.subset === g),
		format: 'num'
	};
}

/** The crossover of each model that has one, as a marker on the pass@k chart. */
export function crossoverMarkers(report: Report): CurveMarker[] {
	const ref = report.models.find((m) => m.model === report.reference)?.label ?? report.reference;
	return modelsInOrder(report).flatMap((m) => {
		const c = m.versus?.crossover;
		return c ? [{ series: m.model, k: c.k, label: `${ref} catches ${m.label} at k = ${c.k}` }] : [];
	});
}

/** Each model's problems in the success-rate bands, as a share of its problems with samples. */
export function successBars(report: Report): BarInput {
	const ms = modelsInOrder(report);
	const counts = new Map(ms.map((m) => [m.model, successHistogram(m.successRates)]));
	return {
		groups: SUCCESS_BINS.map((b, i) => ({ id: String(i), label: b })),
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => {
			const c = counts.get(s);
			if (!c) return { value: undefined };
			const total = c.reduce((a, b) => a + b, 0);
			return { value: c[Number(g)]! / total, problems: c[Number(g)] };
		},
		domain: [0, 1],
		format: 'pct'
	};
}

/** The ids of a model's problems whose success rate falls in a band of successBars, or is at least tau. */
export function problemsWhere(report: Report, problems: readonly Problem[], model: string, keep: (rate: number) => boolean): string[] {
	const rates = report.models.find((m) => m.model === model)?.successRates ?? [];
	return problems.flatMap((p, j) => {
		const rate = rates[j];
		return rate !== null && rate !== undefined && keep(rate) ? [p.id] : [];
	});
}

/**
 * The problem whose answer space says most about a model: the one where its sampled outputs split
 * most evenly between right and wrong (c/n nearest 1/2); on ties, the one it changed most against
 * the reference, then the one it gets wrong more often (its wrong answers spread); undefined
 * without rates.
 */
export function informativeProblem(report: Report, problems: readonly Problem[], model: string): string | undefined {
	const rates = report.models.find((m) => m.model === model)?.successRates ?? [];
	const reference = report.models.find((m) => m.model === report.reference)?.successRates ?? [];
	let best: { id: string; key: number[] } | undefined;
	const before = (a: number[], b: number[]) => {
		const i = a.findIndex((v, j) => v !== b[j]);
		return i >= 0 && a[i]! < b[i]!;
	};
	problems.forEach((p, j) => {
		const rate = rates[j];
		if (rate === null || rate === undefined) return;
		const key = [Math.abs(rate - 0.5), -Math.abs((reference[j] ?? rate) - rate), rate];
		if (!best || before(key, best.key)) best = { id: p.id, key };
	});
	return best?.id;
}

/** Whether a success rate is in band i of SUCCESS_BINS. */
export function inBand(i: number): (rate: number) => boolean {
	return (rate) => successHistogram([rate])?.[i] === 1;
}

/** The per-problem scatter of a model against the reference. */
export function scatterInput(report: Report, problems: readonly Problem[], model: string): ScatterInput {
	const t = report.models.find((m) => m.model === model);
	const r = report.models.find((m) => m.model === report.reference);
	const points = problems.flatMap((p, j) => {
		const a = r?.successRates[j];
		const b = t?.successRates[j];
		return a === null || a === undefined || b === null || b === undefined ? [] : [{ problem: p.id, reference: a, model: b }];
	});
	return { points, modelOrder: t?.order ?? 0 };
}

/** The two-set diagram of a model against the reference; undefined without solvable sets. */
export function twoSetInput(report: Report, model: string): TwoSetInput | undefined {
	const t = report.models.find((m) => m.model === model);
	const r = report.models.find((m) => m.model === report.reference);
	const s = t?.versus?.solvable;
	if (!t || !r || !s) return undefined;
	return {
		referenceLabel: r.label,
		modelLabel: t.label,
		referenceOrder: r.order,
		modelOrder: t.order,
		counts: { onlyReference: s.onlyReference.count, both: s.both.count, onlyModel: s.onlyModel.count },
		neither: s.neither
	};
}

/** The problems behind one region of the two-set diagram. */
export function regionProblems(report: Report, model: string, region: TwoSetRegion): string[] {
	return report.models.find((m) => m.model === model)?.versus?.solvable?.[region].ids ?? [];
}

/** The words of band i of SUCCESS_BINS. */
export function bandLabel(i: number): string {
	return SUCCESS_BINS[i] ?? '?';
}
