// How long outputs run, so the study page's max tokens cuts few of them. For the built-in family
// the figures are measured; for standard templates on other models they are a default, not a measurement.
import type { PromptTemplate } from '$lib/core/types';

/**
 * Share of the built-in family's outputs that reach 16, 32, ..., 320 tokens: static/demo/demo-full-bundle.json
 * (21,600 samples of M1-M5, D2-D5, A3-A5 at T = 0.8 and greedy; a unit test recomputes it).
 */
export const BUILTIN_REACH: readonly number[] = [
	1, 0.977, 0.847, 0.554, 0.487, 0.357, 0.223, 0.208, 0.103, 0.018, 0.003, 0.002, 0.002, 0.002, 0.002, 0.002, 0.002, 0.001, 0.001, 0.001
];
const STEP = 16;

/** The max tokens a template starts with: the built-in family needs about 320; chain of thought 512; a bare answer 256. */
export function suggestedMaxTokens(template: PromptTemplate, builtin: boolean): number {
	if (builtin) return 320;
	return template.style === 'raw' ? 256 : 512;
}

/** The estimated share of outputs cut at `maxTokens` (built-in family only), or undefined when unmeasured. */
export function builtinCutShare(maxTokens: number): number | undefined {
	if (!(maxTokens >= STEP)) return maxTokens >= 1 ? 1 : undefined;
	const i = Math.min(Math.floor(maxTokens / STEP), BUILTIN_REACH.length) - 1;
	return BUILTIN_REACH[i];
}

/** A warning when max tokens will cut outputs: the measured share for the built-in family, else below the template's default. */
export function maxTokensWarning(template: PromptTemplate, builtin: boolean, maxTokens: number): string | undefined {
	if (!Number.isInteger(maxTokens) || maxTokens < 1) return undefined;
	const suggested = suggestedMaxTokens(template, builtin);
	if (builtin) {
		const share = builtinCutShare(maxTokens) ?? 0;
		if (share <= 0.05) return undefined;
		return `About ${Math.round(100 * share)}% of the built-in models' outputs run to ${maxTokens} tokens or more and would be cut (measured on the shipped full-size demo); they need about ${suggested}.`;
	}
	if (maxTokens >= suggested) return undefined;
	return `Below this template's default of ${suggested} tokens: longer ${template.style === 'raw' ? 'answers' : 'chains of thought'} will be cut. The report shows the share that was.`;
}
