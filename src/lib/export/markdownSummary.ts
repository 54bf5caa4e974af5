// A Markdown summary of a report: the study, a headline table, the verdicts with their signals.
import type { Report } from '$lib/core/metrics/reportTypes';
import { fmtPct, fmtSigned } from '$lib/ui/charts/scales';

export interface SummaryContext {
	studyName: string;
	samples: number;
	problems: number;
	createdAt: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownSummary(report: Report, ctx: SummaryContext): string {
	const models = [...report.models].sort((a, b) => a.order - b.order);
	const ref = models.find((m) => m.model === report.reference)?.label ?? report.reference;
	const n = report.ks[report.ks.length - 1] ?? 1;
	const lines: string[] = [
		`# ${cell(ctx.studyName)}`,
		'',
		`${models.length} models, ${ctx.problems} problems, ${ctx.samples} samples (created ${ctx.createdAt}). Reference: ${cell(ref)}. ` +
			`Solved rule: ${report.solvedRule}. Intervals: ${Math.round(report.options.confidence * 100)}% problem-level bootstrap, B = ${report.options.bootstrap}.`,
		'',
		`| model | pass@1 greedy | pass@1 sampled | pass@${n} | coverage | verdict |`,
		'|---|---|---|---|---|---|'
	];
	for (const m of models) {
		const passN = m.accuracy.passAtK.find((p) => p.k === n)?.value;
		lines.push(
			`| ${cell(m.label)} | ${fmtPct(m.accuracy.pass1Greedy.value)} | ${fmtPct(m.accuracy.pass1Sampled.value)} | ${fmtPct(passN)} | ${fmtPct(m.coverage.value)} | ${m.verdict?.kind ?? 'reference'} |`
		);
	}
	lines.push('', '## Verdicts', '');
	for (const m of models) {
		if (!m.verdict) continue;
		lines.push(`### ${cell(m.label)}: ${m.verdict.kind}`, '', cell(m.verdict.summary), '');
		for (const s of [m.verdict.headline, ...m.verdict.signals]) {
			const d = s.difference;
			const scale = s.id === 'forgetting' ? 1 : 100;
			const ci = d.ci ? ` [${fmtSigned(d.ci.low, 1, scale)}, ${fmtSigned(d.ci.high, 1, scale)}]` : '';
			lines.push(`- ${s.fired ? '**fired** ' : ''}${cell(s.label)}: ${s.unavailable ? `n/a (${cell(s.unavailable)})` : `${fmtSigned(d.delta, 1, scale)}${ci}`}`);
		}
		lines.push('');
	}
	if (report.warnings.length) {
		lines.push('## Warnings', '', ...report.warnings.map((w) => `- ${cell(w)}`), '');
	}
	return lines.join('\n');
}
