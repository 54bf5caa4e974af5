// A Markdown summary of a report: the study, the headline table, the verdicts with their signals.
import { formatMetric } from '$lib/core/metrics/formatMetric';
import { formatSignal } from '$lib/core/metrics/formatSignal';
import { headlineTable } from '$lib/core/metrics/headlineTable';
import type { Report } from '$lib/core/metrics/reportTypes';
import { markdownText } from '$lib/core/text';

export interface SummaryContext {
	studyName: string;
	samples: number;
	problems: number;
	createdAt: string;
}

// Names, labels and messages can come from someone else's file: inert text, one line, one cell.
const cell = markdownText;

export function markdownSummary(report: Report, ctx: SummaryContext): string {
	const models = [...report.models].sort((a, b) => a.order - b.order);
	const ref = models.find((m) => m.model === report.reference)?.label ?? report.reference;
	const table = headlineTable(report);
	const lines: string[] = [
		`# ${cell(ctx.studyName)}`,
		'',
		`${models.length} models, ${ctx.problems} problems, ${ctx.samples} samples (created ${ctx.createdAt}). Reference: ${cell(ref)}. ` +
			`Solved rule: ${report.solvedRule}. Intervals: ${Math.round(report.options.confidence * 100)}% problem-level bootstrap, B = ${report.options.bootstrap}.`,
		'',
		`| model | ${table.columns.map((c) => cell(c.label)).join(' | ')} | verdict |`,
		`|---|${table.columns.map(() => '---|').join('')}---|`
	];
	for (const row of table.rows) {
		const cells = row.cells.map((c, i) => formatMetric(table.columns[i]!.unit, c.value));
		lines.push(`| ${cell(row.label)} | ${cells.join(' | ')} | ${row.verdict ?? 'n/a'} |`);
	}
	lines.push('', '## Verdicts', '');
	for (const m of models) {
		if (!m.verdict) continue;
		lines.push(`### ${cell(m.label)}: ${m.verdict.kind}`, '', cell(m.verdict.summary), '');
		for (const s of [m.verdict.headline, ...m.verdict.signals]) {
			lines.push(`- ${s.fired ? '**fired** ' : ''}${cell(s.label)}: ${s.unavailable ? `n/a (${cell(s.unavailable)})` : formatSignal(s, { units: false })}`);
		}
		lines.push('');
	}
	if (report.warnings.length) {
		lines.push('## Warnings', '', ...report.warnings.map((w) => `- ${cell(w)}`), '');
	}
	return lines.join('\n');
}
