import { METRICS } from './metricRegistry';
import type { MetricUnit } from './metricTypes';
import type { Interval, Report, VerdictKind } from './reportTypes';

export interface HeadlineColumn {
	/** The metric's registry id (the dashboard's data-metric). */
	id: string;
	label: string;
	unit: MetricUnit;
}

export interface HeadlineRow {
	model: string;
	label: string;
	problems: number;
	cells: { value: number | undefined; ci?: Interval }[];
	/** 'reference' for the reference itself; undefined while verdicts are not computed. */
	verdict: VerdictKind | 'reference' | undefined;
}

/**
 * The headline table of a report, one row per model in study order and one column per registry
 * metric that declares a headline cell: the one table behind the dashboard, the command-line tool
 * and the Markdown summary.
 */
export function headlineTable(report: Report): { columns: HeadlineColumn[]; rows: HeadlineRow[] } {
	const metrics = METRICS.filter((m) => m.headline);
	const columns = metrics.map((m) => ({ id: m.id, label: m.headline!.label(report), unit: m.unit }));
	const rows = [...report.models]
		.sort((a, b) => a.order - b.order)
		.map((m) => ({
			model: m.model,
			label: m.label,
			problems: m.problems,
			cells: metrics.map((d) => {
				const c = d.headline!.cell(m, report);
				return c?.ci ? { value: c.value, ci: c.ci } : { value: c?.value };
			}),
			verdict: m.model === report.reference ? ('reference' as const) : m.verdict?.kind
		}));
	return { columns, rows };
}
