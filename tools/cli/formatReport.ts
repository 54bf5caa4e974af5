import { formatInterval, formatMetric, formatSignal, headlineTable, type HeadlineColumn, type Report, type Signal } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';

/** A cell of the headline table: the value in its unit with its interval, percent signs left to the note. */
function cellText(column: HeadlineColumn, c: { value: number | undefined; ci?: { low: number; high: number } }): string {
	if (c.value === undefined) return 'n/a';
	const value = formatMetric(column.unit, c.value).replace('%', '');
	return c.ci ? `${value} ${formatInterval(column.unit, c.ci)}` : value;
}

function signalLine(s: Signal): string {
	return `${s.label} ${formatSignal(s)} (${s.difference.problems} problems)`;
}

/** Columns padded to their widest cell; the first column left-aligned, numbers right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
	const widths: number[] = [];
	for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
	return rows
		.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd())
		.join('\n');
}

/**
 * The headline table (one row per model; values in percent with 95% intervals where computed) and
 * the verdicts with every fired signal, as plain text for a terminal.
 */
export function formatReport(report: Report, bundle: Bundle): string {
	const table = headlineTable(report);
	const header = ['model', ...table.columns.map((c) => c.label), 'verdict'];
	const rows = table.rows.map((r) => [
		r.model === r.label ? r.model : `${r.model} (${r.label})`,
		...r.cells.map((c, i) => cellText(table.columns[i]!, c)),
		r.verdict ?? 'n/a'
	]);
	const out: string[] = [];
	const problems = bundle.problems.length;
	out.push(`${bundle.study.name}: ${bundle.models.length} models, ${problems} problems, ${bundle.samples.length} samples; extractor '${bundle.study.extractor}'; reference ${report.reference}`);
	out.push('');
	out.push(formatTable([header, ...rows]));
	out.push('');
	out.push('Rates in percent; [95% bootstrap interval]; GD = group disparity x100; pass^k = all k tries correct; crossover k = where the reference\'s pass@k catches up with a model that leads at k = 1.');
	const verdicts = report.models.filter((m) => m.verdict);
	if (verdicts.length > 0) {
		out.push('');
		out.push('Verdicts');
		for (const m of verdicts) {
			const v = m.verdict!;
			out.push(`  ${m.model} vs ${v.reference}: ${v.kind.toUpperCase()} - ${v.summary}`);
			out.push(`    headline: ${signalLine(v.headline)}`);
			const fired = v.signals.filter((s) => s.fired);
			for (const s of fired) out.push(`    fired: ${signalLine(s)}`);
			if (fired.length === 0) out.push('    no regression signal fired');
			const unavailable = v.signals.filter((s) => s.unavailable);
			if (unavailable.length > 0) out.push(`    not evaluated: ${unavailable.map((s) => `${s.label} (${s.unavailable})`).join('; ')}`);
		}
	}
	if (report.warnings.length > 0) {
		out.push('');
		out.push('Warnings');
		for (const w of report.warnings) out.push(`  - ${w}`);
	}
	return out.join('\n') + '\n';
}
