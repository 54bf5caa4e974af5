// From a Report to the inputs of each chart: pure data selection, no layout and no DOM.
import type { AccuracyBlock, DiversitySubset, Estimate, ModelReport, Report } from '$lib/core/metrics/reportTypes';
import type { BarInput, BarValue } from '$lib/ui/charts/groupedBars';
import type { CurveSeries } from '$lib/ui/charts/curveChart';

const est = (e: Estimate | undefined): BarValue | undefined => (e ? { value: e.value, ci: e.ci, problems: e.problems } : undefined);

export const modelsInOrder = (report: Report): ModelReport[] => [...report.models].sort((a, b) => a.order - b.order);

export function curveSeries(report: Report, which: 'passAtK' | 'majAtK'): CurveSeries[] {
	return modelsInOrder(report).map((m) => ({ id: m.model, label: m.label, order: m.order, points: m.accuracy[which] }));
}

/** The reference's pass@k on each later model's improvement set, one curve per model t. */
export function isCurveSeries(report: Report): CurveSeries[] {
	return modelsInOrder(report)
		// An empty IS(t) has no pass@k to draw.
		.filter((m) => m.sets && m.sets.improved.length > 0)
		.map((m) => ({ id: m.model, label: `on IS(${m.label})`, order: m.order, points: m.sets?.referencePassAtKOnImproved ?? [] }));
}

export function setSizes(report: Report): BarInput {
	const ms = modelsInOrder(report).filter((m) => m.sets);
	const byId = new Map(ms.map((m) => [m.model, m]));
	return {
		groups: ms.map((m) => ({ id: m.model, label: m.label })),
		series: [
			{ id: 'improved', label: 'IS(t): newly solved', order: 2, color: 'var(--good)' },
			{ id: 'regressed', label: 'RS(t): forgotten', order: 3, color: 'var(--bad)' }
		],
		value: (g, s) => {
			const sets = byId.get(g)?.sets;
			if (!sets) return undefined;
			return { value: s === 'improved' ? sets.improved.length : sets.regressed.length };
		},
		format: 'count'
	};
}

export function coverage(report: Report): BarInput {
	const ms = modelsInOrder(report);
	const byId = new Map(ms.map((m) => [m.model, m]));
	return {
		groups: [{ id: 'coverage', label: 'correct-answer coverage' }],
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (_g, s) => est(byId.get(s)?.coverage),
		domain: [0, 1],
		format: 'pct',
		rules: [{ value: 0.5, label: 'above 50%: the paper suggests DPO; below: SFT' }]
	};
}

export type DiversityMetric = 'distinctN' | 'ead' | 'semantic' | 'equations';
export const DIVERSITY_LABEL: Record<DiversityMetric, string> = {
	distinctN: 'Distinct-n (syntactic)',
	ead: 'EAD (expectation-adjusted distinct)',
	semantic: 'Semantic diversity',
	equations: 'Distinct equations (logical)'
};
const SUBSETS: DiversitySubset[] = ['all', 'correct', 'incorrect'];

export function diversity(report: Report, metric: DiversityMetric): BarInput {
	const ms = modelsInOrder(report);
	const byId = new Map(ms.map((m) => [m.model, m]));
	return {
		groups: SUBSETS.map((s) => ({ id: s, label: `${s} samples` })),
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => est(byId.get(s)?.diversity[g as DiversitySubset][metric]),
		format: 'num'
	};
}

export function answerDiversity(report: Report): BarInput {
	const ms = modelsInOrder(report);
	const byId = new Map(ms.map((m) => [m.model, m]));
	return {
		groups: [
			{ id: 'distinctRatio', label: 'distinct answers / n' },
			{ id: 'entropy', label: 'answer entropy (bits)' }
		],
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => est(byId.get(s)?.answerDiversity[g as 'distinctRatio' | 'entropy']),
		format: 'num'
	};
}

/** Headline accuracy of a block: greedy pass@1 when present, else sampled. */
export function headline(block: AccuracyBlock | undefined): Estimate | undefined {
	if (!block) return undefined;
	return block.pass1Greedy.value !== undefined ? block.pass1Greedy : block.pass1Sampled;
}

export function splits(report: Report): BarInput {
	const ms = modelsInOrder(report);
	const byId = new Map(ms.map((m) => [m.model, m]));
	return {
		groups: [
			{ id: 'in-domain', label: 'in-domain' },
			{ id: 'ood', label: 'out-of-domain (OOD)' }
		],
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => est(headline(byId.get(s)?.bySplit[g as 'in-domain' | 'ood'])),
		domain: [0, 1],
		format: 'pct'
	};
}

export function levels(report: Report): BarInput {
	const ms = modelsInOrder(report);
	const all = [...new Set(ms.flatMap((m) => m.byLevel.map((l) => l.level)))].sort((a, b) => a - b);
	return {
		groups: all.map((l) => ({ id: String(l), label: `level ${l}` })),
		series: ms.map((m) => ({ id: m.model, label: m.label, order: m.order })),
		value: (g, s) => est(ms.find((m) => m.model === s)?.byLevel.find((l) => String(l.level) === g)?.accuracy),
		domain: [0, 1],
		format: 'pct'
	};
}

/** The largest k of the report (pass@n). */
export const maxK = (report: Pick<Report, 'ks'>): number => report.ks[report.ks.length - 1] ?? 1;
