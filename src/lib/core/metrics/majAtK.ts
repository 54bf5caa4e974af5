export interface Vote {
	/** Extracted answer; null when none was found (such a sample never wins the vote). */
	answer: string | null;
	correct: boolean;
}

/**
 * maj@k (self-consistency): the majority answer of the first k votes, scored 1 when correct.
 * A tie scores the fraction of tied answers that are correct (the expected value of a random
 * tie-break). When none of the k samples has an answer, the vote produces none and scores 0.
 * Undefined when fewer than k votes exist.
 */
export function majAtK(votes: readonly Vote[], k: number): number | undefined {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`majAtK(votes, k) needs an integer k >= 1, got ${k}`);
	if (votes.length < k) return undefined;
	const counts = new Map<string, { count: number; correct: boolean }>();
	for (let i = 0; i < k; i++) {
		const v = votes[i];
		if (!v || v.answer === null) continue;
		const entry = counts.get(v.answer);
		if (entry) {
			entry.count++;
			entry.correct ||= v.correct;
		} else counts.set(v.answer, { count: 1, correct: v.correct });
	}
	let best = 0;
	let tied = 0;
	let tiedCorrect = 0;
	for (const { count, correct } of counts.values()) {
		if (count > best) {
			best = count;
			tied = 0;
			tiedCorrect = 0;
		}
		if (count === best) {
			tied++;
			if (correct) tiedCorrect++;
		}
	}
	return tied === 0 ? 0 : tiedCorrect / tied;
}
