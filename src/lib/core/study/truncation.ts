import type { Bundle, Sample } from '../types';

/** One model's samples that were cut at max tokens. */
export interface Truncation {
	model: string;
	truncated: number;
	samples: number;
}

/** Above this share of cut samples a model's report carries a warning. */
export const TRUNCATION_WARN_SHARE = 0.05;

/**
 * Whether a sample was cut at max tokens: its `finish` when recorded; for older bundles without it,
 * whether it used every token the study allowed (only when that limit is known, i.e. above 1).
 */
function cut(s: Sample, maxTokens: number): boolean {
	return s.finish !== undefined ? s.finish === 'length' : maxTokens > 1 && s.tokens >= maxTokens;
}

/** Each model's share of samples cut at max tokens, in the study's model order. */
export function truncationOf(bundle: Bundle): Truncation[] {
	const { maxTokens } = bundle.study.sampling;
	const by = new Map(bundle.models.map((m) => [m.id, { model: m.id, truncated: 0, samples: 0 }]));
	for (const s of bundle.samples) {
		const t = by.get(s.model);
		if (!t) continue;
		t.samples++;
		if (cut(s, maxTokens)) t.truncated++;
	}
	return [...by.values()].filter((t) => t.samples > 0);
}

/** A warning per model whose cut share is above 5%: its answers may be missing, not wrong. */
export function truncationWarnings(bundle: Bundle): string[] {
	const { maxTokens } = bundle.study.sampling;
	const limit = maxTokens > 1 ? `the ${maxTokens.toLocaleString('en')}-token limit` : 'max tokens';
	return truncationOf(bundle)
		.filter((t) => t.truncated / t.samples > TRUNCATION_WARN_SHARE)
		.map(
			(t) =>
				`${t.model}: ${((100 * t.truncated) / t.samples).toFixed(1)}% of samples (${t.truncated.toLocaleString('en')} of ${t.samples.toLocaleString('en')}) were cut at ${limit}, over ${100 * TRUNCATION_WARN_SHARE}%: their answers may be missing. Raise max tokens and sample again.`
		);
}
