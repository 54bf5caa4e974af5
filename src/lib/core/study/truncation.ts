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

/**
 * Each model's cut and total samples, kept as samples arrive: a run in progress updates it per new
 * sample instead of a pass over the whole study per report. A sample that replaces another (same
 * key) takes the other's count back.
 */
export interface TruncationTally {
	add(s: Sample, replaced?: Sample): void;
	/** The counts so far, in the study's model order, models without samples left out. */
	readonly truncation: Truncation[];
}

export function createTruncationTally(study: Pick<Bundle, 'study' | 'models'>): TruncationTally {
	const { maxTokens } = study.study.sampling;
	const by = new Map(study.models.map((m) => [m.id, { model: m.id, truncated: 0, samples: 0 }]));
	const count = (s: Sample, sign: 1 | -1): void => {
		const t = by.get(s.model);
		if (!t) return;
		t.samples += sign;
		if (cut(s, maxTokens)) t.truncated += sign;
	};
	return {
		add(s, replaced) {
			if (replaced) count(replaced, -1);
			count(s, 1);
		},
		get truncation() {
			return [...by.values()].filter((t) => t.samples > 0).map((t) => ({ ...t }));
		}
	};
}

/** Each model's share of samples cut at max tokens, in the study's model order. */
export function truncationOf(bundle: Bundle): Truncation[] {
	const tally = createTruncationTally(bundle);
	for (const s of bundle.samples) tally.add(s);
	return tally.truncation;
}

/** A warning per model whose cut share is above 5% (`truncation`: its counts, when already known): its answers may be missing, not wrong. */
export function truncationWarnings(bundle: Bundle, truncation: readonly Truncation[] = truncationOf(bundle)): string[] {
	const { maxTokens } = bundle.study.sampling;
	const limit = maxTokens > 1 ? `the ${maxTokens.toLocaleString('en')}-token limit` : 'max tokens';
	return truncation
		.filter((t) => t.truncated / t.samples > TRUNCATION_WARN_SHARE)
		.map(
			(t) =>
				`${t.model}: ${((100 * t.truncated) / t.samples).toFixed(1)}% of samples (${t.truncated.toLocaleString('en')} of ${t.samples.toLocaleString('en')}) were cut at ${limit}, over ${100 * TRUNCATION_WARN_SHARE}%: their answers may be missing. Raise max tokens and sample again.`
		);
}
