import { METRICS } from './metricRegistry';
import type { Interval, Report } from './reportTypes';

/** A metric's CSV name, e.g. 'pass@k', 'cover', 'difference' (the registry's `csv`). */
export type TidyMetric = string;

/** One number of the report: the CSV table's row. */
export interface TidyRow {
	model: string;
	metric: TidyMetric;
	/** all | correct | incorrect | split:<split> | level:<level> | tau:<tau> | signal:<signal id> */
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

/**
 * The report as a tidy table, one row per number: columns model, metric, subset, k, value,
 * ci_low, ci_high, per model in the registry's order. Values are proportions (0-1), entropy in
 * bits, set sizes as counts, crossover_k a k; a verdict signal's difference (model - reference) is
 * metric "difference", subset "signal:<id>".
 */
export function tidyRows(report: Report): TidyRow[] {
	const rows: TidyRow[] = [];
	for (const m of report.models) {
		for (const metric of METRICS) for (const v of metric.values(m, report)) rows.push(row(m.model, metric.csv, v.subset, v.value, v.ci, v.k));
	}
	return rows;
}
