import type { ProblemStats, ReportContext } from './builderTypes';
import type { ModelReport } from './reportTypes';

/** What a reader of the report must know before trusting a comparison. */
export function reportWarnings(ctx: ReportContext, models: readonly ModelReport[], stats: readonly (readonly (ProblemStats | undefined)[])[], bootstrap: number): string[] {
	const warnings: string[] = [];
	const sampled = models.filter((m) => m.samplesPerProblem.max > 0);
	for (const m of models) if (m.problems === 0) warnings.push(`${m.model} has no samples yet: its values are n/a.`);
	const ns = new Set(sampled.map((m) => m.samplesPerProblem.max));
	if (ns.size > 1) {
		const list = sampled.map((m) => `${m.model}: ${m.samplesPerProblem.max}`).join(', ');
		warnings.push(`Models were sampled with different n (${list}): diversity and pass@k depend on n, so compare them only at equal n.`);
	}
	for (const m of sampled) {
		if (m.samplesPerProblem.min < m.samplesPerProblem.max) {
			const short = stats[models.indexOf(m)]?.filter((s) => s && s.n > 0 && s.n < m.samplesPerProblem.max).length ?? 0;
			warnings.push(`${m.model}: ${short} problem(s) have fewer than ${m.samplesPerProblem.max} samples; pass@k and maj@k leave them out where k exceeds their n (never counted as failures).`);
		}
	}
	if (ctx.rule === 'greedy') {
		let missing = 0;
		for (const row of stats) for (const s of row) if (s && s.n > 0 && s.greedy !== s.greedy) missing++;
		if (missing > 0) warnings.push(`${missing} (model, problem) pair(s) have sampled outputs but no greedy output: greedy pass@1 leaves them out, and "solved" uses maj@n for them.`);
	} else {
		warnings.push('No greedy outputs: the headline is sampled pass@1 and "solved" (improvement and regression sets) uses maj@n.');
	}
	if (bootstrap === 0) warnings.push('Intervals are off (bootstrap = 0): no signal can fire, so every verdict is inconclusive.');
	return warnings;
}
