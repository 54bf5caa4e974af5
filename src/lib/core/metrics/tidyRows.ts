import type { AccuracyBlock, CurvePoint, Estimate, Interval, Report } from './reportTypes';

export type TidyMetric =
	| 'pass@k'
	| 'maj@k'
	| 'pass1_greedy'
	| 'pass1_sampled'
	| 'coverage'
	| 'distinct_n'
	| 'ead'
	| 'semantic_diversity'
	| 'equation_diversity'
	| 'answer_diversity'
	| 'answer_entropy'
	| 'accuracy'
	| 'group_disparity'
	| 'improvement_set'
	| 'regression_set'
	| 'reference_pass@k_on_improvement_set'
	| 'within_reference_reach'
	| 'difference';

/** One number of the report: the CSV table's row. */
export interface TidyRow {
	model: string;
	metric: TidyMetric;
	/** all | correct | incorrect | split:<split> | level:<level> | signal:<signal id> */
	subset: string;
	/** Empty where k does not apply. */
	k: number | undefined;
	value: number | undefined;
	ci_low: number | undefined;
	ci_high: number | undefined;
}

function row(model: string, metric: TidyMetric, subset: string, value: number | undefined, ci?: Interval, k?: number): TidyRow {
	return { model, metric, subset, k, value, ci_low: ci?.low, ci_high: ci?.high };
}

function estimate(model: string, metric: TidyMetric, subset: string, e: Estimate): TidyRow {
	return row(model, metric, subset, e.value, e.ci);
}

function curve(model: string, metric: TidyMetric, subset: string, points: readonly CurvePoint[]): TidyRow[] {
	return points.map((p) => row(model, metric, subset, p.value, p.ci, p.k));
}

function accuracy(model: string, subset: string, block: AccuracyBlock): TidyRow[] {
	return [
		estimate(model, 'pass1_greedy', subset, block.pass1Greedy),
		estimate(model, 'pass1_sampled', subset, block.pass1Sampled),
		...curve(model, 'pass@k', subset, block.passAtK),
		...curve(model, 'maj@k', subset, block.majAtK)
	];
}

/**
 * The report as a tidy table, one row per number: columns model, metric, subset, k, value,
 * ci_low, ci_high. Values are proportions (0-1), entropy in bits, set sizes as counts; a verdict
 * signal's difference (model - reference) is metric "difference", subset "signal:<id>".
 */
export function tidyRows(report: Report): TidyRow[] {
	const rows: TidyRow[] = [];
	for (const m of report.models) {
		const id = m.model;
		rows.push(...accuracy(id, 'all', m.accuracy));
		rows.push(estimate(id, 'coverage', 'all', m.coverage));
		for (const subset of ['all', 'correct', 'incorrect'] as const) {
			const d = m.diversity[subset];
			rows.push(estimate(id, 'distinct_n', subset, d.distinctN), estimate(id, 'ead', subset, d.ead));
			rows.push(estimate(id, 'semantic_diversity', subset, d.semantic), estimate(id, 'equation_diversity', subset, d.equations));
		}
		rows.push(estimate(id, 'answer_diversity', 'all', m.answerDiversity.distinctRatio), estimate(id, 'answer_entropy', 'all', m.answerDiversity.entropy));
		for (const [split, block] of Object.entries(m.bySplit)) if (block) rows.push(...accuracy(id, `split:${split}`, block));
		for (const l of m.byLevel) rows.push(estimate(id, 'accuracy', `level:${l.level}`, l.accuracy));
		rows.push(row(id, 'group_disparity', 'all', m.groupDisparity.value, m.groupDisparity.ci));
		if (m.sets) {
			rows.push(row(id, 'improvement_set', 'all', m.sets.improved.length), row(id, 'regression_set', 'all', m.sets.regressed.length));
			rows.push(...curve(id, 'reference_pass@k_on_improvement_set', 'all', m.sets.referencePassAtKOnImproved));
			rows.push(estimate(id, 'within_reference_reach', 'all', m.sets.withinReferenceReach));
		}
		if (m.verdict) {
			for (const s of [m.verdict.headline, ...m.verdict.signals]) rows.push(row(id, 'difference', `signal:${s.id}`, s.difference.delta, s.difference.ci));
		}
	}
	return rows;
}
