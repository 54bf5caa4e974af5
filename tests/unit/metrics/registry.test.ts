// The metric registry: one descriptor per metric drives the tidy table, the explanations and the
// headline table of the dashboard, the command-line tool and the Markdown summary.
import { describe, expect, it } from 'vitest';
import { METRICS, computeReport, explanationFor, headlineTable, tidyRows } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { formatReport } from '../../../tools/cli/formatReport';
import { markdownSummary } from '../../../src/lib/export/markdownSummary';

const bundle = syntheticBundle({ models: 3, problems: 24, n: 8, words: 20, seed: 5 });
const report = computeReport(bundle, { bootstrap: 100 });

describe('METRICS', () => {
	it('METRICS has unique ids and CSV names, and an explanation for each', () => {
		expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
		expect(new Set(METRICS.map((m) => m.csv)).size).toBe(METRICS.length);
		for (const m of METRICS) expect(explanationFor(m.id), m.id).toBe(m.explanation);
		for (const m of METRICS) expect(explanationFor(m.csv), m.csv).toBe(m.explanation);
	});
	it('tidyRows(report) writes only registry CSV names, each metric with a row for some model', () => {
		const used = new Set(tidyRows(report).map((r) => r.metric));
		expect([...used].sort()).toEqual(METRICS.map((m) => m.csv).sort());
	});
	it('every per-problem measure of the registry is in every model report, over its grid', () => {
		for (const metric of METRICS.filter((m) => m.perProblem)) {
			for (const m of report.models) expect(m.measures[metric.id]?.map((p) => p.at), `${metric.id} ${m.model}`).toEqual([...metric.perProblem!.grid(report.ks)]);
		}
	});
	it('every chart of the registry has a unique id and a dashboard section', () => {
		const charts = METRICS.flatMap((m) => m.charts ?? []);
		expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
		for (const c of charts) expect(['accuracy', 'beyond', 'sets', 'coverage', 'diversity', 'ood']).toContain(c.section);
	});
});

describe('headlineTable', () => {
	const table = headlineTable(report);
	it('headlineTable(report) has one column per registry headline and one row per model in study order', () => {
		expect(table.columns.map((c) => c.id)).toEqual(METRICS.filter((m) => m.headline).map((m) => m.id));
		expect(table.rows.map((r) => r.model)).toEqual([...report.models].sort((a, b) => a.order - b.order).map((m) => m.model));
		const m2 = report.models[1]!;
		const row = table.rows[1]!;
		expect(row.cells[table.columns.findIndex((c) => c.id === 'pass1Sampled')]!.value).toBe(m2.accuracy.pass1Sampled.value);
		// Coverage averaged over problems is sampled pass@1: no second column for it.
		expect(table.columns.map((c) => c.id)).not.toContain('coverage');
		expect(m2.coverage.value).toBe(m2.accuracy.pass1Sampled.value);
		expect(row.cells[table.columns.findIndex((c) => c.id === 'passAtK')]!.value).toBe(m2.accuracy.passAtK.at(-1)!.value);
		expect(table.rows[0]!.verdict).toBe('reference');
	});
	it('the command-line table and the Markdown summary carry the same columns', () => {
		const labels = table.columns.map((c) => c.label);
		const cliHeader = formatReport(report, bundle).split('\n')[2]!.trim().split(/\s{2,}/);
		expect(cliHeader).toEqual(['model', ...labels, 'verdict']);
		const md = markdownSummary(report, { studyName: 's', samples: 0, problems: 0, createdAt: '' });
		expect(md).toContain(`| model | ${labels.join(' | ')} | verdict |`);
	});
});
