export interface AnswerDiversityValue {
	/** Distinct outcomes / number of samples. */
	distinctRatio: number;
	/** Shannon entropy of the outcome distribution, in bits. */
	entropy: number;
}

/**
 * Diversity of extracted answers over one problem's samples. "No answer" (null) counts as one
 * outcome of its own: a model that fails to answer in many ways is not diverse in its answers.
 * Undefined for no samples.
 */
export function answerDiversity(answers: readonly (string | null)[]): AnswerDiversityValue | undefined {
	const n = answers.length;
	if (n === 0) return undefined;
	const counts = new Map<string | null, number>();
	for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
	let entropy = 0;
	for (const count of counts.values()) {
		const p = count / n;
		entropy -= p * Math.log2(p);
	}
	// -0 when one outcome has all the mass: report a plain 0.
	return { distinctRatio: counts.size / n, entropy: entropy === 0 ? 0 : entropy };
}
