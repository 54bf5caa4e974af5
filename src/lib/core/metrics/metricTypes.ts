// The shape of one metric in the registry (metricRegistry.ts). A descriptor is the single place a
// metric's identity lives: its id (the report field and the "How is this computed?" topic), its
// label, its CSV name, its explanation, its unit, which way is better, its subsets, whether it is a
// verdict signal, and the accessors that the tidy CSV, the headline tables (dashboard, command
// line, Markdown) and the dashboard's chart list read. A per-problem measure also says how to
// compute itself, and the report builder does the rest (aggregate, bootstrap interval, n/a rules).

import type { ProblemStats } from './builderTypes';
import type { Interval, MeasurePoint, ModelReport, Report, SignalId } from './reportTypes';

/** rate: a proportion 0-1 shown in percent; ratio: a 0-1 score shown as a decimal; bits; count (problems); k (a sample count); logprob (nats per token). */
export type MetricUnit = 'rate' | 'ratio' | 'bits' | 'count' | 'k' | 'logprob';

/** One number of a metric for one model: a row of the tidy table without model and metric. */
export interface MetricValue {
	subset: string;
	k?: number;
	value: number | undefined;
	ci?: Interval;
}

/** A measure computed per (model, problem) from its statistics, then averaged over problems with an interval. */
export interface PerProblemMeasure {
	/** Where it is computed: the report's k grid, or fixed values such as tau. */
	grid(ks: readonly number[]): readonly number[];
	/** Its value on one problem at one grid point; undefined where it has none (left out, never 0). */
	value(stats: ProblemStats, at: number): number | undefined;
}

/** The dashboard sections a chart can sit in, in page order. */
export type DashboardSection = 'accuracy' | 'beyond' | 'sets' | 'coverage' | 'diversity' | 'ood';

/**
 * A chart of the dashboard. 'curve': one line per model over the k grid (log scale), from points();
 * 'gridBars': bars per grid value and model, from points(); 'subsetBars': bars per diversity subset
 * and model, from values(); 'custom': drawn by the dashboard's own component of that id.
 */
export interface ChartSpec {
	id: string;
	section: DashboardSection;
	kind: 'curve' | 'gridBars' | 'subsetBars' | 'custom';
	title: string;
	description: string;
	yLabel: string;
	/** What a mark opens in the samples browser: the model's samples, its first k, the problems that count at the grid value, or a diversity subset. */
	opens?: 'model' | 'firstK' | 'problemsAt' | 'subset';
	/** The "How is this computed?" notes under it (metric ids or topics); default the metric's own. */
	topics?: readonly string[];
	/** Place within its section (default 0; ties keep registry order). */
	order?: number;
}

export interface MetricDescriptor {
	/** Stable id: the report field it reads and the "How is this computed?" topic, e.g. 'passAtK'. */
	id: string;
	/** Human label, e.g. 'pass@k'. */
	label: string;
	/** The tidy table's metric name, e.g. 'pass@k'. */
	csv: string;
	/** "How is this computed?": paragraphs separated by a blank line. */
	explanation: string;
	unit: MetricUnit;
	better: 'up' | 'down' | 'neither';
	/** The subsets its tidy rows use, e.g. ['all', 'split:<split>'] or ['tau:0.25', ...]. */
	subsets: readonly string[];
	/** The verdict signals it feeds. */
	signals?: readonly SignalId[];
	/** Computed by the report builder from per-problem statistics; its points land in ModelReport.measures[id]. */
	perProblem?: PerProblemMeasure;
	/** Its tidy rows for one model. */
	values(m: ModelReport, report: Report): MetricValue[];
	/** Its points over a grid (k or tau), for charts. */
	points?(m: ModelReport, report: Report): MeasurePoint[];
	/** The label at one grid value, e.g. k = 4 -> 'pass^4'. */
	labelAt?(at: number): string;
	/** A column of the headline table. */
	headline?: { label(report: Report): string; cell(m: ModelReport, report: Report): { value: number | undefined; ci?: Interval } | undefined };
	/** Its charts on the dashboard, in order. */
	charts?: readonly ChartSpec[];
}
