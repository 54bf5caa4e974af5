import type { AccuracyBlock, Estimate, ModelReport, Report, Signal } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';

function pct(v: number | undefined): string {
	return v === undefined || !Number.isFinite(v) ? 'n/a' : (v * 100).toFixed(1);
}

function withCi(e: { value: number | undefined; ci?: { low: number; high: number } }): string {
	if (e.value === undefined) return 'n/a';
	return e.ci ? `${pct(e.value)} [${pct(e.ci.low)}, ${pct(e.ci.high)}]` : pct(e.value);
}

function headline(block: AccuracyBlock | undefined): Estimate | undefined {
	if (!block) return undefined;
	return block.pass1Greedy.value !== undefined ? block.pass1Greedy : block.pass1Sampled;
}

function signed(delta: number | undefined): string {
	if (delta === undefined) return 'n/a';
	const p = delta * 100;
	return `${p >= 0 ? '+' : '-'}${Math.abs(p).toFixed(1)}`;
}

function signalLine(s: Signal): string {
	const d = s.difference;
	const ci = d.ci ? ` [${signed(d.ci.low)}, ${signed(d.ci.high)}]` : '';
	return `${s.label} ${signed(d.delta)}${ci} (${d.problems} problems)`;
}

/** Columns padded to their widest cell; the first column left-aligned, numbers right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
	const widths: number[] = [];
	for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
	return rows
		.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd())
		.join('\n');
}

function passAtN(m: ModelReport): string {
	const last = m.accuracy.passAtK[m.accuracy.passAtK.length - 1];
	return last ? `${withCi(last)} (k=${last.k})` : 'n/a';
}

/**
 * The headline table (one row per model; values in percent with 95% intervals where computed) and
 * the verdicts with every fired signal, as plain text for a terminal.
 */
export function formatReport(report: Report, bundle: Bundle): string {
	const header = ['model', 'pass@1 greedy', 'pass@1 sampled', 'pass@n', 'coverage', 'Distinct-n', 'OOD acc', 'GD', 'verdict'];
	const rows = report.models.map((m) => [
		m.model === m.label ? m.model : `${m.model} (${m.label})`,
		withCi(m.accuracy.pass1Greedy),
		withCi(m.accuracy.pass1Sampled),
		passAtN(m),
		withCi(m.coverage),
		withCi(m.diversity.all.distinctN),
		headline(m.bySplit.ood) ? withCi(headline(m.bySplit.ood) as Estimate) : 'n/a',
		m.groupDisparity.value === undefined ? 'n/a' : (m.groupDisparity.value * 100).toFixed(1),
		m.model === report.reference ? 'reference' : (m.verdict?.kind ?? 'n/a')
	]);
	const out: string[] = [];
	const problems = bundle.problems.length;
	out.push(`${bundle.study.name}: ${bundle.models.length} models, ${problems} problems, ${bundle.samples.length} samples; extractor '${bundle.study.extractor}'; reference ${report.reference}`);
	out.push('');
	out.push(formatTable([header, ...rows]));
	out.push('');
	out.push('Values in percent; [95% bootstrap interval]; GD = group disparity x100; coverage = mean c/n at the sampling temperature.');
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
